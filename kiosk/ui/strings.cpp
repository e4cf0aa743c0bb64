// The interface's French and English texts (see strings.hpp).
#include "ui/strings.hpp"

namespace kiosk::ui {
namespace {
using core::Lang;

struct Pair {
    const char* fr;
    const char* en;
};

const Pair kStrings[] = {
    {"Touchez l’écran pour commencer", "Touch the screen to start"},
    {"Touch the screen to start", "Touchez l’écran pour commencer"},
    {"Programme", "Programme"},
    {"En ce moment", "On now"},
    {"À suivre", "Coming next"},
    {"Rien en cours pour l’instant.", "Nothing on right now."},
    {"Aucune séance ce jour-là.", "No session on that day."},
    {"Annulé", "Cancelled"},
    {"Modifié", "Changed"},
    {"Terminé", "Ended"},
    {"Inscription", "Registration"},
    {"Sur inscription", "Registration required"},
    {"places", "seats"},
    {"Bienvenue", "Welcome"},
    {"du", "from"},
    {"au", "to"},
    {"jours avant l’ouverture", "days to go"},
    {"Ouverture demain\u202F!", "Opens tomorrow!"},
    {"L’événement est terminé. Merci de votre visite\u202F!", "The event is over. Thank you for coming!"},
    {"Prochaine édition", "Next edition"},
    {"English", "Français"},
    {"Accessibilité", "Accessibility"},
    {"Chargement du programme…", "Loading the programme…"},
    {"Contenu en cours de chargement", "Content loading"},
    {"Aucun contenu n’a pu être chargé.", "No content could be loaded."},
    {"← Veille", "← Day before"},
    {"Lendemain →", "Day after →"},
    {"Accueil", "Home"},
    {"Retour", "Back"},
    {"Plans", "Maps"},
    {"Showroom", "Showroom"},
    {"Infos pratiques", "Practical information"},
    {"Toutes les séances, jour par jour", "Every session, day by day"},
    {"Où ça se passe et comment s’y rendre", "Where it happens and how to get there"},
    {"Les démonstrations à essayer", "Demonstrations to try"},
    {"Horaires, accès, inscription, contact", "Hours, access, registration, contact"},
    {"Maintenant", "Now"},
    {"Filtres", "Filters"},
    {"Type", "Type"},
    {"Lieu", "Place"},
    {"Public", "Audience"},
    {"Accessibilité", "Accessibility"},
    {"Tout afficher", "Show all"},
    {"Afficher les séances terminées", "Show sessions that have ended"},
    {"Masquer les séances terminées", "Hide sessions that have ended"},
    {"Voir sur le plan", "Show on map"},
    {"Intervenants", "Speakers"},
    {"Accessibilité", "Access"},
    {"Entrée libre", "Free entry, no registration"},
    {"Scannez pour vous inscrire", "Scan to register"},
    {"Scannez pour en savoir plus", "Scan for more"},
    {"Vous êtes ici", "You are here"},
    {"lieux", "places"},
    {"Choisissez un lieu", "Choose a place"},
    {"Fermer", "Close"},
    {"heures avant l’ouverture", "hours to go"},
    {"Ouverture dans", "Opens in"},
    {"Agrandir", "Zoom in"},
    {"Réduire", "Zoom out"},
    {"Recentrer", "Reset view"},
    {"Le territoire", "The area"},
    {"Plan du lieu", "Floor plan"},
    {"Au programme ici", "What’s on here"},
    {"Rien de prévu ici pour l’instant.", "Nothing planned here for now."},
    {"Partenaire", "Partner"},
    {"Stand", "Stand"},
    {"← Image précédente", "← Previous picture"},
    {"Image suivante →", "Next picture →"},
    {"Vous êtes toujours là\u202F?", "Are you still there?"},
    {"Continuer", "Continue"},
    {"Retour à l’accueil dans", "Back to the start in"},
    {"Adresse", "Address"},
    {"Horaires", "Opening hours"},
    {"Venir", "Getting there"},
    {"Langue", "Language"},
    {"séances", "sessions"},
    {"Aucune séance ne correspond à ces filtres.", "No session matches these filters."},
    {"Image en cours de chargement", "Picture loading"},
    {"Image indisponible", "Picture unavailable"},
    {"Annonces", "Announcements"},
    {"À découvrir au showroom", "Try it at the showroom"},
    {"Les lieux du jour", "Today’s places"},
    {"Bientôt", "Coming soon"},
    {"Lecture à voix haute activée.", "Speech is on."},
    {"Répéter", "Repeat"},
    {"Pause", "Pause"},
    {"Reprendre", "Resume"},
    {"Volume −", "Volume −"},
    {"Volume +", "Volume +"},
    {"oui", "on"},
    {"non", "off"},
    {"Accessibilité", "Accessibility"},
    {"Choisissez ce qui vous aide. Tout revient comme avant après votre visite.",
     "Choose what helps you. Everything goes back to normal after your visit."},
    {"Texte plus grand", "Larger text"},
    {"Agrandit tous les textes. Touchez encore pour changer de taille.",
     "Makes all text larger. Touch again to change the size."},
    {"Contraste élevé", "High contrast"},
    {"Des couleurs plus tranchées pour mieux lire.", "Stronger colours for easier reading."},
    {"non", "off"},
    {"noir sur blanc", "black on white"},
    {"blanc sur noir", "white on black"},
    {"Moins d’animations", "Less motion"},
    {"Arrête les fondus et les défilements qui continuent seuls.",
     "Stops fades and lists that keep moving on their own."},
    {"Lecture à voix haute", "Read aloud"},
    {"Lit ce que vous touchez. Glissez le doigt pour écouter, levez-le pour choisir.",
     "Reads what you touch. Slide your finger to listen, lift it to choose."},
    {"Position assise", "Seated position"},
    {"Rassemble les commandes à hauteur d’une personne assise.",
     "Brings every control within reach of a seated person."},
    {"Facile à lire", "Easy to read"},
    {"Montre des textes courts et simples quand il y en a.", "Shows short, simple texts where there are some."},
    {"Diaporama en pause", "Pause the slideshow"},
    {"Arrête le défilement des pages d’accueil.", "Stops the welcome pages from moving on."},
    {"Tout remettre comme avant", "Back to normal"},
    {"Facile à lire", "Easy to read"},
    {"Terminé", "Done"},
    {"Programme au", "Programme as of"},
    {"En cours", "On now"},
    {"\u202F: ", ": "},
    // Staff mode
    {"Mode personnel", "Staff mode"},
    {"Entrez le code du personnel", "Enter the staff PIN"},
    {"Code incorrect.", "Wrong PIN."},
    {"Nouvel essai dans", "Try again in"},
    {"Vérification…", "Checking…"},
    {"Aucun code n’est défini sur cette borne (commande kiosk pin).",
     "No PIN is set on this kiosk (command kiosk pin)."},
    {"Annuler", "Cancel"},
    {"\u2190", "\u2190"},
    {"OK", "OK"},
    {"Panneau du personnel", "Staff panel"},
    {"Borne", "Kiosk"},
    {"Groupes", "Groups"},
    {"Contenu", "Content"},
    {"Signature", "Signature"},
    {"Heure de confiance", "Trusted time"},
    {"Dernière synchro", "Last sync"},
    {"Dernière erreur", "Last error"},
    {"Garde-fou", "Crash guard"},
    {"Flux", "Feed"},
    {"Réseau", "Network"},
    {"Disque libre", "Free disk"},
    {"En marche depuis", "Running for"},
    {"Logiciel", "Software"},
    {"Synchroniser maintenant", "Sync now"},
    {"Revenir à la version précédente", "Roll back"},
    {"Recharger le contenu", "Reload content"},
    {"Redémarrer la borne", "Restart the kiosk"},
    {"Aperçu", "Preview"},
    {"Quitter la borne", "Exit the kiosk"},
    {"Fermer", "Close"},
    {"aucun", "none"},
    {"jamais", "never"},
    {"Synchronisation en cours…", "Syncing…"},
    {"Synchronisation faite", "Sync done"},
    {"Échec de la synchronisation", "Sync failed"},
    {"Pas de flux configuré (feed_url) : rien à synchroniser.", "No feed configured (feed_url): nothing to sync."},
    {"Version précédente remise", "Rolled back"},
    {"Retour impossible", "Rollback failed"},
    {"Contenu rechargé", "Content reloaded"},
    {"joignable", "reachable"},
    {"injoignable", "unreachable"},
    {"inconnu", "unknown"},
    {"Retour au panneau", "Back to the panel"},
    {"Se ferme seul après 2 minutes sans toucher.", "Closes by itself after 2 minutes without a touch."},
    {"En cours…", "Working…"},
    {"\u25CF\u2014", "\u25CF\u2014"},
    {"En ligne", "Online"},
};
static_assert(sizeof(kStrings) / sizeof(kStrings[0]) == static_cast<int>(Str::Count), "one entry per Str");

const Pair kTypes[] = {
    {"Conférence", "Talk"},       {"Table ronde", "Round table"},   {"Atelier", "Workshop"},
    {"Showroom", "Showroom"},     {"Convivialité", "Get-together"}, {"Projection", "Screening"},
    {"Exposition", "Exhibition"}, {"Rendez-vous", "Event"},
};
const Pair kAccess[] = {
    {"Accès de plain-pied", "Step-free access"},
    {"Boucle magnétique", "Induction loop"},
    {"Interprétation LSF", "Sign language (LSF)"},
    {"Audiodescription", "Audio description"},
    {"Espace calme", "Quiet room"},
};
const Pair kAudiences[] = {
    {"Tout public", "General public"},
    {"Professionnels", "Professionals"},
    {"Familles", "Families"},
    {"Jeunes", "Young people"},
};

const char* pick(const Pair& p, Lang lang) { return lang == Lang::En ? p.en : p.fr; }

int bitIndex(unsigned v) {
    int i = 0;
    while (v > 1) {
        v >>= 1;
        ++i;
    }
    return i;
}
}  // namespace

const char* tr(Str id, Lang lang) { return pick(kStrings[static_cast<int>(id)], lang); }
const char* sessionTypeLabel(core::SessionType type, Lang lang) { return pick(kTypes[static_cast<int>(type)], lang); }
const char* accessLabel(core::AccessFeature f, Lang lang) { return pick(kAccess[bitIndex(f)], lang); }
const char* audienceLabel(core::AudienceFlag a, Lang lang) { return pick(kAudiences[bitIndex(a)], lang); }

std::string labelled(Str id, Lang lang) { return std::string(tr(id, lang)) + tr(Str::LabelSeparator, lang); }

std::string showroomLabel(const core::Content& c, Lang lang) {
    if (!c.event.showroomLabel.empty()) return c.event.showroomLabel.str(lang);
    return tr(Str::Showroom, lang);
}

std::vector<std::string> allUiStrings() {
    std::vector<std::string> out;
    auto add = [&](const auto& table) {
        for (const Pair& p : table) {
            out.emplace_back(p.fr);
            out.emplace_back(p.en);
        }
    };
    add(kStrings);
    add(kTypes);
    add(kAccess);
    add(kAudiences);
    return out;
}

}  // namespace kiosk::ui
