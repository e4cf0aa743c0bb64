// The phrase table behind frenchMessage (see messages_fr.hpp). Each core message is built
// from these pieces; a test checks that a broken feed's messages come out in French.
#include "core/messages_fr.hpp"

#include <algorithm>
#include <cctype>
#include <utility>
#include <vector>

namespace kiosk::core {
namespace {

struct Phrase {
    std::string_view en, fr;
};

// Feed loader, manifest and JSON reader (core/feed_loader.cpp, parse_*.cpp, json_reader.cpp).
const Phrase kLoader[] = {
    {"; fix it (its version must stay), or remove it to start again at version 1 (kiosks then need kiosk-feed "
     "build --after URL to go above what they have)",
     " ; corrigez-le (sa version doit rester), ou retirez-le pour repartir à la version 1 (les bornes ont alors "
     "besoin de kiosk-feed build --after URL pour passer au-dessus de ce qu'elles ont)"},
    {"the version cannot go above ", "la version ne peut pas dépasser "},
    {"): kiosks would never take a higher one", ") : les bornes n'en prendraient jamais de plus haute"},
    {" (it is ", " (elle vaut "},
    {"no usable version", "pas de version utilisable"},
    {"; build refuses until it is fixed", " ; build refuse tant qu'il n'est pas corrigé"},
    {" is not a regular file", " n'est pas un fichier ordinaire"},
    {"no coordinates: the place is listed but has no pin on the territory map",
     "pas de coordonnées : le lieu est listé mais n'a pas de repère sur la carte du territoire"},
    {" is not a room of the floor plan of place ", " n'est pas une salle du plan du lieu "},
    {": shown as text, not on the plan", " : affichée en texte, pas sur le plan"},
    {"the session is on ", "la séance a lieu le "},
    {", outside the event's dates (", ", hors des dates de l'événement ("},
    {"): fix its date, or the dates in event.json", ") : corrigez sa date, ou les dates dans event.json"},
    {"the file ", "le fichier "},
    {" is not in the folder; not shown", " n'est pas dans le dossier ; pas affiché"},
    {"missing: a feed needs a manifest (write it with: kiosk-feed build ",
     "manquant : un flux a besoin d'un manifeste (écrivez-le avec : kiosk-feed build "},
    {"missing: this document is required and must be listed in manifest.json",
     "manquant : ce document est obligatoire et doit figurer dans manifest.json"},
    {"unknown field, ignored (is this feed newer than this kiosk?)",
     "champ inconnu, ignoré (ce flux est-il plus récent que la borne ?)"},
    {"in the feed folder but not in the manifest; ignored (run kiosk-feed build)",
     "dans le dossier du flux mais pas dans le manifeste ; ignoré (lancez kiosk-feed build)"},
    {"listed in the manifest but missing from the feed folder", "dans le manifeste mais absent du dossier du flux"},
    {"is a symbolic link; feeds may only hold regular files",
     "est un lien symbolique ; un flux ne contient que des fichiers ordinaires"},
    {"is a symbolic link; a feed may only hold regular files",
     "est un lien symbolique ; un flux ne contient que des fichiers ordinaires"},
    {"not enough memory to read this JSON document", "pas assez de mémoire pour lire ce document JSON"},
    {"not in this feed; the kiosk shows less", "absent de ce flux ; la borne en montre moins"},
    {"outside the territory map's bounds; not drawn on the map",
     "hors des limites de la carte du territoire ; pas dessiné sur la carte"},
    {"the image cannot be used: ", "l'image est inutilisable : "},
    {"expected a PNG or JPEG image: ", "attendu une image PNG ou JPEG : "},
    {" bytes that are not valid UTF-8 replaced by U+FFFD; save the file as UTF-8",
     " octets qui ne sont pas de l'UTF-8 valide remplacés par U+FFFD ; enregistrez le fichier en UTF-8"},
    {" control characters removed (the first is ", " caractères de contrôle retirés (le premier est "},
    {"); remove them from the text", ") ; retirez-les du texte"},
    {"expected a French text (", "attendu un texte en français ("},
    {"), which every text must have", "), obligatoire dans tout texte"},
    {"expected a language code such as ", "attendu un code de langue comme "},
    {"; this text is ignored", " ; ce texte est ignoré"},
    {"expected an IANA time zone such as ", "attendu un fuseau horaire IANA comme "},
    {"expected a relative path inside the feed, got ", "attendu un chemin relatif dans le flux, trouvé "},
    {"expected the id of a place in places.json, got ", "attendu l'identifiant d'un lieu de places.json, trouvé "},
    {"expected the id of a floor plan in maps.json, got ", "attendu l'identifiant d'un plan de maps.json, trouvé "},
    {"expected a room id of the floor plan of place ", "attendu l'identifiant d'une salle du plan du lieu "},
    {"; the room is not shown", " ; la salle n'est pas affichée"},
    {" was skipped for its own errors (see places.json)", " a été écarté pour ses propres erreurs (voir places.json)"},
    {" is listed twice", " figure deux fois"},
    {"duplicate id ", "identifiant en double "},
    {"; only the first is used", " ; seul le premier est utilisé"},
    {" is not listed in the manifest; not shown", " n'est pas dans le manifeste ; pas affiché"},
    {" is not a usable file name in a feed", " n'est pas un nom de fichier utilisable dans un flux"},
    {" (a newer format this kiosk cannot read)", " (un format plus récent, que cette borne ne sait pas lire)"},
    {"expected 64 lowercase hexadecimal digits, got ", "attendu 64 chiffres hexadécimaux en minuscules, trouvé "},
    {" (run kiosk-feed build after editing)", " (lancez kiosk-feed build après chaque modification)"},
    {"(the file changed after kiosk-feed build?)", "(le fichier a changé après kiosk-feed build ?)"},
    {" bytes as in the manifest, got ", " octets comme dans le manifeste, trouvé "},
    {" as in the manifest, got ", " comme dans le manifeste, trouvé "},
    {" bytes of text, got ", " octets de texte, trouvé "},
    {" bytes, more than the limit of ", " octets, plus que la limite de "},
    {" more problems not listed (", " autres problèmes non listés ("},
    {" warnings); fix the ones above first", " avertissements) ; corrigez d'abord ceux ci-dessus"},
    {"; export it again", " ; exportez-la de nouveau"},
    {"; resize it", " ; redimensionnez-la"},
    {" pixels a side, got ", " pixels de côté, trouvé "},
    {"expected a date on or after start_date ", "attendu une date égale ou postérieure à start_date "},
    {"expected a date-time after start", "attendu une date-heure après le début (start)"},
    {"expected at most 14 days after start", "attendu au plus 14 jours après le début"},
    {"expected north > south and east > west", "attendu nord > sud et est > ouest"},
    {"expected at least 3 points", "attendu au moins 3 points"},
    {"expected an event of at most ", "attendu un événement d'au plus "},
    {" days from ", " jours à partir de "},
    {"expected an object with a ", "attendu un objet avec une liste "},
    {" list, got ", ", trouvé "},
    {"expected a list of: ", "attendu une liste parmi : "},
    {"expected one of ", "attendu l'une des valeurs "},
    {"one of ", "l'une des valeurs "},
    {"ISO 8601 date-time with offset", "une date-heure ISO 8601 avec son décalage"},
    {"a date YYYY-MM-DD", "une date AAAA-MM-JJ"},
    {"expected a date in the years ", "attendu une date des années "},
    {"expected a date-time in the years ", "attendu une date-heure des années "},
    {"an integer from ", "un entier de "},
    {"a number from ", "un nombre de "},
    {"an identifier (1 to 64 characters among a-z, 0-9, - and _)",
     "un identifiant (1 à 64 caractères parmi a-z, 0-9, - et _)"},
    {"a point [x, y] inside the plan (0..width, 0..height)", "un point [x, y] dans le plan (0..largeur, 0..hauteur)"},
    {"a text: a string (French) or an object such as {", "un texte : une chaîne (en français) ou un objet comme {"},
    {"expected at most ", "attendu au plus "},
    {" entries, got ", " entrées, trouvé "},
    {" entries in ", " entrées dans "},
    {"nested more than ", "imbriqué sur plus de "},
    {" levels deep at ", " niveaux à "},
    {" files in ", " fichiers dans "},
    {"more than ", "plus de "},
    {"not valid JSON: ", "JSON invalide : "},
    {"not valid JSON", "JSON invalide"},
    {"cannot list ", "impossible de lister "},
    {"could not be loaded: ", "n'a pas pu être chargé : "},
    {" is not a folder", " n'est pas un dossier"},
    {"true or false", "true ou false"},
};

// Importers (core/import/*.cpp) and live sources.
const Phrase kImport[] = {
    {"unknown column ", "colonne inconnue "},
    {" ignored (known columns: ", " ignorée (colonnes connues : "},
    {"no column ", "pas de colonne "},
    {": the header row must name it", " : la première ligne doit la nommer"},
    {"the sheet is empty: expected a header row", "la feuille est vide : attendu une ligne d'en-tête"},
    {"expected a date such as 19/05/2026 or 2026-05-19, got ",
     "attendu une date comme 19/05/2026 ou 2026-05-19, trouvé "},
    {"expected a time such as 14h30, 14:30 or 14 h 30, got ",
     "attendu une heure comme 14h30, 14:30 ou 14 h 30, trouvé "},
    {"expected a time such as 16h00, got ", "attendu une heure comme 16h00, trouvé "},
    {"; row skipped", " ; ligne ignorée"},
    {"expected a title", "attendu un titre"},
    {"expected a place", "attendu un lieu"},
    {"expected a place, or ", "attendu un lieu, ou "},
    {"ends at ", "finit à "},
    {", before it starts at ", ", avant son début à "},
    {": a session past midnight lasts 12 hours at most; fix the end time",
     " : une séance qui passe minuit dure 12 heures au plus ; corrigez l'heure de fin"},
    {"the id ", "l'identifiant "},
    {" is already the one of row ", " est déjà celui de la ligne "},
    {": give each session its own id", " : donnez à chaque séance son propre identifiant"},
    {"a second session with the id ", "une deuxième séance avec l'identifiant "},
    {" (the source gives it twice); skipped", " (la source le donne deux fois) ; ignorée"},
    {" has no coordinates: it is listed without a pin on the territory map (add them in places.json to place it)",
     " n'a pas de coordonnées : il est listé sans repère sur la carte du territoire (ajoutez-les dans places.json "
     "pour le placer)"},
    {" keeps its first id ", " garde son premier identifiant "},
    {" (its title changed)", " (son titre a changé)"},
    {"the last import (", "le dernier import ("},
    {") left out: ", ") a laissé de côté : "},
    {"expected the place's name", "attendu le nom du lieu"},
    {"expected oui or non, got ", "attendu oui ou non, trouvé "},
    {"expected a number of seats, got ", "attendu un nombre de places, trouvé "},
    {"expected decimal degrees such as 45,7750 and 3,0865", "attendu des degrés décimaux comme 45,7750 et 3,0865"},
    {"unknown type ", "type inconnu "},
    {": shown as other (known: ", " : affiché comme « autre » (connus : "},
    {"unknown status ", "statut inconnu "},
    {"unknown access value ", "valeur d'accessibilité inconnue "},
    {"unknown audience ", "public inconnu "},
    {" ignored (known: ", " ignoré (connus : "},
    {"no end time: the session is shown as lasting one hour",
     "pas d'heure de fin : la séance est affichée pour une heure"},
    {"no usable duration or end: the session is shown as lasting one hour",
     "ni durée ni fin utilisables : la séance est affichée pour une heure"},
    {"a line could not be read and was ignored: ", "une ligne illisible a été ignorée : "},
    {"a recurrence rule that could not be read", "une règle de récurrence illisible"},
    {"expected UID, SUMMARY and DTSTART", "attendu UID, SUMMARY et DTSTART"},
    {"; event skipped", " ; événement ignoré"},
    {"; timing skipped", " ; horaire ignoré"},
    {"expected a date with offset, or the day's date and a start time",
     "attendu une date avec décalage, ou la date du jour et une heure de début"},
    {"expected a frab schedule.xml with a <schedule> root",
     "attendu un schedule.xml de frab avec une racine <schedule>"},
    {"expected a list of days", "attendu une liste de jours"},
    {"expected a list of events (an OpenAgenda export, or an API answer with ",
     "attendu une liste d'événements (un export OpenAgenda, ou une réponse de l'API avec "},
    {"expected a location with a uid or a name", "attendu un lieu (location) avec un uid ou un nom"},
    {"expected a pretalx/frab schedule.json with schedule.conference",
     "attendu un schedule.json de pretalx/frab avec schedule.conference"},
    {"expected an event with ", "attendu un événement avec "},
    {"expected an iCalendar file starting with BEGIN:VCALENDAR",
     "attendu un fichier iCalendar commençant par BEGIN:VCALENDAR"},
    {"expected at least one timing {begin, end}", "attendu au moins un horaire {begin, end}"},
    {"expected begin and end date-times with offset, end after begin",
     "attendu des dates-heures begin et end avec décalage, la fin après le début"},
    {"not valid JSON: is it an OpenAgenda events export?",
     "JSON invalide : est-ce bien un export d'événements OpenAgenda ?"},
    {"not valid XML: ", "XML invalide : "},
    {" is not valid JSON: fix it (kiosk-feed validate shows where) and import again",
     " n'est pas du JSON valide : corrigez-le (kiosk-feed validate montre où) et relancez l'import"},
    {" occurrences: only the first are imported", " occurrences : seules les premières sont importées"},
    {": add its commune and coordinates in places.json (the source does not give them)",
     " : ajoutez sa commune et ses coordonnées dans places.json (la source ne les donne pas)"},
    {"event.json written with the event's dates: complete its name and organiser",
     "event.json écrit avec les dates de l'événement : complétez son nom et l'organisateur"},
    {" is not a list", " n'est pas une liste"},
    {"the source cannot be read: ", "la source est illisible : "},
    {"the merged programme is not valid: ", "le programme fusionné n'est pas valide : "},
    {"; the last good programme is kept", " ; le dernier bon programme est gardé"},
};

// Sync status and signature state (core/sync/http_client.cpp, feed_trust.cpp), shown in
// the French staff panel.
const Phrase kSync[] = {
    {"unsigned (no feed_public_keys in the configuration: any feed is accepted)",
     "non signé (pas de feed_public_keys dans la configuration : tout flux est accepté)"},
    {"unverified: the content shown was not checked against a key (bundled or older cache)",
     "non vérifié : le contenu affiché n'a pas été contrôlé avec une clé (contenu fourni ou cache plus ancien)"},
    {"stale: signed by key ", "périmé : signé par la clé "},
    {" but expired at ", " mais expiré le "},
    {" (content kept; the feed must be signed again)", " (contenu gardé ; le flux doit être signé à nouveau)"},
    {"valid: signed by key ", "valide : signé par la clé "},
    {", until ", ", jusqu'au "},
    {"no expiry", "sans expiration"},
    {"; last refused: ", " ; dernier refus : "},
    {"host name not found (DNS) for ", "nom d'hôte introuvable (DNS) pour "},
    {"cannot connect (refused or unreachable) to ", "connexion impossible (refusée ou injoignable) à "},
    {"transfer stalled (too slow) for ", "transfert bloqué (trop lent) pour "},
    {"timed out waiting for ", "délai dépassé en attendant "},
    {"the connection closed before the whole answer arrived (truncated) for ",
     "la connexion s'est fermée avant la fin de la réponse (tronquée) pour "},
    {"too many redirects (a redirect loop?) for ", "trop de redirections (une boucle ?) pour "},
    {"TLS certificate or connection refused for ", "certificat ou connexion TLS refusés pour "},
    {" (check the server's certificate, the ca_file setting and the clock)",
     " (vérifiez le certificat du serveur, le réglage ca_file et l'horloge)"},
    {" is larger than the limit of ", " dépasse la limite de "},
    {"not enough free space in ", "pas assez d'espace libre dans "},
    {" is listed in the manifest but the server does not have it ",
     " figure dans le manifeste mais le serveur ne l'a pas "},
    {"this kiosk has no feed_url: content sync is off (set feed_url in its configuration)",
     "cette borne n'a pas de feed_url : la synchronisation est coupée (indiquez feed_url dans sa configuration)"},
    {" bytes", " octets"},
};

// What `kiosk status` and the staff panel show about sync: health problems
// (core/sync/sync_health.cpp), the last result and error (sync_engine.cpp, feed_trust.cpp),
// the crash guard (crash_guard.cpp), the cache lock, and the screen's reach (app/runtime.cpp).
const Phrase kStatus[] = {
    // Keys and signatures (core/signature.cpp), shown by kiosk-feed keygen, sign and verify.
    {" bytes in base64 (a minisign public key such as RWQ..., 56 characters)",
     " octets en base64 (une clé publique minisign comme RWQ..., 56 caractères)"},
    {" bytes in base64", " octets en base64"},
    {"public key: not an Ed25519 minisign key", "clé publique : pas une clé minisign Ed25519"},
    {"secret key: expected a minisign secret key file (an untrusted comment line, then base64)",
     "clé secrète : attendu un fichier de clé secrète minisign (une ligne de commentaire, puis du base64)"},
    {"secret key: not an Ed25519 minisign key", "clé secrète : pas une clé minisign Ed25519"},
    {"secret key: unknown key derivation", "clé secrète : dérivation de clé inconnue"},
    {"wrong password for the secret key (or the key file is damaged)",
     "mauvais mot de passe pour la clé secrète (ou fichier de clé abîmé)"},
    {"public key: ", "clé publique : "},
    {"no cache in ", "pas de cache dans "},
    {" (the kiosk shows its bundled content)", " (la borne affiche le contenu fourni avec elle)"},
    {"disk almost full: ", "disque presque plein : "},
    {" MiB free in ", " Mio libres dans "},
    {", less than the ", ", moins que les "},
    {" MiB sync needs (free some space, or move cache_dir to a larger disk)",
     " Mio nécessaires à la synchronisation (libérez de la place, ou déplacez cache_dir sur un disque plus grand)"},
    {"cannot measure the free space of ", "impossible de mesurer l'espace libre de "},
    {" crashed the kiosk and is marked bad", " a fait planter la borne et est marquée comme mauvaise"},
    {" (publish a corrected version; kiosk-feed build raises the version)",
     " (publiez une version corrigée ; kiosk-feed build augmente le numéro de version)"},
    {"last sync failed: ", "la dernière synchronisation a échoué : "},
    {"no successful sync for more than ", "aucune synchronisation réussie depuis plus de "},
    {" (last one ", " (la dernière le "},
    {"): check the network and feed_url", ") : vérifiez le réseau et feed_url"},
    {"no successful sync yet: check the network and feed_url",
     "aucune synchronisation réussie pour l'instant : vérifiez le réseau et feed_url"},
    // the crash guard's record: "<date>: version 7 stopped the kiosk 3 times in a row ..."
    {"the bundled content (version ", "le contenu fourni avec la borne (version "},
    {" stopped the kiosk ", " a arrêté la borne "},
    {" times in a row within ", " fois de suite, moins de "},
    {" s of being shown: marked bad", " s après son affichage : marquée comme mauvaise"},
    {"; showing version ", " ; la borne affiche la version "},
    {" instead", " à la place"},
    {"; no other cached version: the bundled content or a neutral screen is shown",
     " ; aucune autre version en cache : la borne affiche le contenu fourni avec elle ou un écran neutre"},
    {"; a neutral screen is shown until a good version arrives",
     " ; un écran neutre est affiché jusqu'à l'arrivée d'une bonne version"},
    // the last result: the outcome (outcomeName), then the last thing done
    {"nothing new: ", "rien de nouveau : "},
    {"nothing new", "rien de nouveau"},
    {"updated: ", "mis à jour : "},
    {"repaired: ", "réparé : "},
    {"failed: ", "échec : "},
    {"manifest not modified (304)", "manifeste inchangé (304)"},
    {"feed version ", "version du flux "},
    {" is not newer than ", " n'est pas plus récente que "},
    {" (rolled back by staff)", " (retour en arrière fait par l'équipe)"},
    {": ignored", " : ignorée"},
    {" is marked bad (it crashed the kiosk): ignored until a newer version is published",
     " est marquée comme mauvaise (elle a fait planter la borne) : ignorée jusqu'à ce qu'une version plus récente "
     "soit publiée"},
    {"switched to version ", "passage à la version "},
    {"rolled back to version ", "retour à la version "},
    {"downloaded ", "téléchargé "},
    {", resumed after ", ", repris après "},
    {"repaired ", "réparé "},
    {"server date ", "date du serveur "},
    {" ignored: implausibly far ahead of the trusted time (check the server's clock)",
     " ignorée : bien trop en avance sur l'heure de confiance (vérifiez l'horloge du serveur)"},
    {"trusted time ", "heure de confiance "},
    {" (server date ", " (date du serveur "},
    {" is further ahead; one server alone moves the clock an hour a day at most)",
     " est plus en avance ; un serveur seul n'avance l'heure que d'une heure par jour au plus)"},
    {" agree)", " concordent)"},
    {"signed feed", "flux signé"},
    {"a staff tool", "un outil du personnel"},
    {"signature of version ", "signature de la version "},
    {" fetched again", " récupérée à nouveau"},
    // the last error
    {"unknown failure", "échec inconnu"},
    {"repairing version ", "réparation de la version "},
    {" still does not load: ", " ne se charge toujours pas : "},
    {" for http", " pour http"},  // "HTTP 503 for https://..."
    {" for file:", " pour file:"},
    {"(HTTP 404 for ", "(HTTP 404 pour "},
    {" (retry after ", " (nouvel essai après "},
    {"; certificates were checked as of the trusted time ",
     " ; les certificats ont été vérifiés à la date de l'heure de confiance "},
    {", ahead of the system clock: if that date is wrong, stop the kiosk and run kiosk --reset-time",
     ", en avance sur l'horloge du système : si cette date est fausse, arrêtez la borne et lancez kiosk --reset-time"},
    {"the feed is ", "le flux fait "},
    {" bytes in total, more than the max_feed_bytes limit of ",
     " octets au total, plus que la limite max_feed_bytes de "},
    {"; nothing was downloaded (make the feed smaller or raise max_feed_bytes)",
     " ; rien n'a été téléchargé (allégez le flux ou augmentez max_feed_bytes)"},
    {" MiB to download and ", " Mio à télécharger et "},
    {" MiB to keep free, ", " Mio à garder libres, "},
    {" MiB free; nothing was downloaded (free some space or move cache_dir)",
     " Mio libres ; rien n'a été téléchargé (libérez de la place ou déplacez cache_dir)"},
    {" bytes, more than the max_download_bytes limit of ", " octets, plus que la limite max_download_bytes de "},
    {": the server sent more than the ", " : le serveur a envoyé plus que les "},
    {" bytes the manifest lists", " octets indiqués dans le manifeste"},
    {" refused: ", " refusée : "},
    {"its signature could not be fetched: ", "sa signature n'a pas pu être récupérée : "},
    {"the feed is not signed (no ", "le flux n'est pas signé (pas de "},
    {"); this kiosk accepts only feeds signed with its key: run kiosk-feed sign",
     ") ; cette borne n'accepte que les flux signés avec sa clé : lancez kiosk-feed sign"},
    {"it is older than version ", "il est plus ancien que la version "},
    {" which this kiosk has (an old signed feed served again?)",
     " que cette borne a déjà (un ancien flux signé servi à nouveau ?)"},
    {"its signature expired at ", "sa signature a expiré le "},
    {": sign it again (kiosk-feed sign) and publish the new signature",
     " : signez-le à nouveau (kiosk-feed sign) et publiez la nouvelle signature"},
    {"status.json is not a sync status: ", "status.json n'est pas un état de synchronisation : "},
    // the cache lock (core/sync/cache_lock.cpp)
    {"the cache ", "le cache "},
    {" is in use by ", " est utilisé par "},
    {"process ", "le processus "},
    {"another process", "un autre processus"},
    {" (a running kiosk?)", " (une borne en marche ?)"},
    {"cache folder ", "dossier de cache "},
    {"cannot lock ", "impossible de verrouiller "},
    {"cannot open ", "impossible d'ouvrir "},
    {"cannot read ", "impossible de lire "},
    // the screen's reach for a seated person (app/runtime.cpp describeReach)
    {"screen from ", "écran de "},
    {" mm above the floor", " mm au-dessus du sol"},
    {": no part is between 380 and 1220 mm, the seated layout cannot help (lower the screen)",
     " : aucune partie n'est entre 380 et 1220 mm, la disposition pour personne assise n'y peut rien (baissez "
     "l'écran)"},
    {": all of it within a seated person's reach", " : entièrement à portée d'une personne assise"},
    {": seated layout uses rows ", " : la disposition pour personne assise utilise les lignes "},
};

// Short words last: what is left between the phrases above.
const Phrase kWords[] = {
    {"missing: expected ", "manquant : attendu "},
    {"missing: ", "manquant : "},
    {"expected ", "attendu "},
    {", got ", ", trouvé "},
    {"an object", "un objet"},
    {"an array", "un tableau"},
    {"a list", "une liste"},
    {"a string", "une chaîne"},
    {"; ignored", " ; ignoré"},
    {" or ", " ou "},
    {" and ", " et "},
    {" to ", " à "},
    {" with ", " avec "},  // "feed version 7 with 12 files"
    {" files", " fichiers"},
    {"place ", "lieu "},  // "place \"x\": add its commune..."
    {"line ", "ligne "},  // an importer's place in a sheet: "line 12, column debut"
    {"row ", "ligne "},   // a spreadsheet's row: "row 12, column debut" (LibreOffice says ligne)
    {", column ", ", colonne "},
};

std::vector<Phrase> table() {
    std::vector<Phrase> t(std::begin(kLoader), std::end(kLoader));
    t.insert(t.end(), std::begin(kImport), std::end(kImport));
    t.insert(t.end(), std::begin(kSync), std::end(kSync));
    t.insert(t.end(), std::begin(kStatus), std::end(kStatus));
    for (const FrenchPhrase& p : crashGuardPhrases()) t.push_back({p.en, p.fr});
    std::stable_sort(t.begin(), t.end(), [](const Phrase& a, const Phrase& b) { return a.en.size() > b.en.size(); });
    t.insert(t.end(), std::begin(kWords), std::end(kWords));
    return t;
}

// Replaces phrases in one unquoted stretch; a replaced part is not matched again.
std::string translate(std::string_view text, const std::vector<Phrase>& phrases) {
    std::string out;
    std::size_t i = 0;
    while (i < text.size()) {
        bool matched = false;
        // a phrase starting with a letter starts a word ("expected", never "unexpected")
        const bool wordStart = i == 0 || !std::isalpha(static_cast<unsigned char>(text[i - 1]));
        for (const Phrase& p : phrases) {
            if (!wordStart && std::isalpha(static_cast<unsigned char>(p.en[0]))) continue;
            if (text.substr(i, p.en.size()) == p.en) {
                out += p.fr;
                i += p.en.size();
                matched = true;
                break;
            }
        }
        if (!matched) out += text[i++];
    }
    return out;
}

}  // namespace

std::string frenchMessage(std::string_view english) {
    static const std::vector<Phrase> phrases = table();
    std::string out;
    std::size_t i = 0;
    while (i < english.size()) {
        const std::size_t quote = english.find('"', i);
        if (quote == std::string_view::npos) {
            out += translate(english.substr(i), phrases);
            break;
        }
        out += translate(english.substr(i, quote - i), phrases);
        const std::size_t close = english.find('"', quote + 1);
        if (close == std::string_view::npos) {  // an unpaired quote: the rest is a value
            out += english.substr(quote);
            break;
        }
        out += english.substr(quote, close - quote + 1);
        i = close + 1;
    }
    return out;
}

}  // namespace kiosk::core
