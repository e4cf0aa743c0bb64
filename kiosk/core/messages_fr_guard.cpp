// French for the crash guard's messages (core/sync/crash_guard*.cpp): what kiosk status,
// the staff panel and status.json say about crashes. Added to frenchMessage's table.
#include "core/messages_fr.hpp"

namespace kiosk::core {
namespace {
// "version 7 crashed the kiosk 2 times in a row within 60 s of being shown (last: signal 6
// (SIGABRT)): set aside at <date>, showing version 6; tried again from <date>"
const FrenchPhrase kCrashGuard[] = {
    {"ok: no crash recorded", "ok : aucun plantage enregistré"},
    {"ok; last crash: ", "ok ; dernier plantage : "},
    {" (last crash: ", " (dernier plantage : "},
    {": set aside at ", " : mise de côté le "},
    {": set aside until ", " : mise de côté jusqu'au "},
    {": set aside", " : mise de côté"},
    {"crashed the kiosk", "a fait planter la borne"},
    {" times in a row", " fois de suite"},
    {" s of being shown", " s après son affichage"},
    {" (last: ", " (dernier : "},
    {"no first frame within ", "pas de première image en moins de "},
    {", showing version ", ", la borne affiche la version "},
    {", nothing else to show", ", rien d'autre à afficher"},
    {"; tried again from ", " ; nouvel essai à partir du "},
    {" but stays on screen: ", " mais reste affichée : "},
    {"no other version has drawn on this kiosk", "aucune autre version ne s'est affichée sur cette borne"},
    {"the bundled content is the last resort", "le contenu fourni avec la borne est le dernier recours"},
    {" while showing version ", " pendant l'affichage de la version "},
    {" while showing the bundled content (version ", " pendant l'affichage du contenu fourni avec la borne (version "},
    {"at an unknown time", "à une heure inconnue"},
    // sync_engine.cpp, about a feed version set aside
    {" is marked bad (it crashed the kiosk): ignored until the crash guard tries it again or a newer version is "
     "published",
     " est marquée comme mauvaise (elle a fait planter la borne) : ignorée jusqu'à ce que le garde-fou l'essaie à "
     "nouveau ou qu'une version plus récente soit publiée"},
};
}  // namespace

std::span<const FrenchPhrase> crashGuardPhrases() { return kCrashGuard; }

}  // namespace kiosk::core
