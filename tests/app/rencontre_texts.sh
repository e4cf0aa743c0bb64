#!/usr/bin/env bash
# The second event (tests/data/events/rencontre: one day, one village hall with three
# rooms, French only, a cancelled and a moved session), rendered by the real kiosk
# headless at the three reference sizes; checks what a visitor reads on each screen.
# usage: rencontre_texts.sh KIOSK KIOSK_FEED FEED_DIR
. "$(dirname "$0")/lib.sh"
kiosk=$1 feedtool=$2 src=$3

cp -r "$src" "$TMP/feed" && rm -f "$TMP/feed/manifest.json"
expect_code 0 "kiosk-feed build of the second event" -- "$feedtool" build "$TMP/feed"

render() {  # render NAME SCREEN NOW SIZE: drawn texts, no-break spaces folded, one line
  "$kiosk" --headless --content "$TMP/feed" --screen "$2" --now "$3" --size "$4" --lang fr \
    --screenshot "$TMP/$1.png" --texts "$TMP/$1.drawn" 2>"$TMP/$1.log" || { fail "render $1"; cat "$TMP/$1.log"; return 1; }
  sed 's/\xc2\xa0/ /g; s/\xe2\x80\xaf/ /g' "$TMP/$1.drawn" | tr '\n' ' ' | tr -s ' ' > "$TMP/$1.txt"
}
has() { if grep -qF -- "$2" "$TMP/$1.txt"; then pass "$1 shows «$2»"; else fail "$1 lacks «$2»"; fold -w 160 "$TMP/$1.txt" | sed 's/^/     | /' | head -60; fi; }
lacks() { if grep -qF -- "$2" "$TMP/$1.txt"; then fail "$1 shows «$2»"; else pass "$1 does not show «$2»"; fi; }

for size in 1920x1080 1080x1920 1280x800; do
  n=programme-$size
  render $n programme 2027-05-18T10:45 $size || continue
  has $n "Salle des associations"       # the room in the row (one place: the room alone)
  has $n "Salle du conseil"
  has $n "Annulé"
  has $n "En cours"                      # what is running is marked
  has $n "Initialement : 14 h – 15 h, Grande salle"  # the moved round table says what changed
  has $n "7 séances"                     # the cancelled one is not counted
  lacks $n "English"                     # French-only content: no language switch
  # (that the list opens scrolled at what is running: loop/the one-day event…, test_rencontre_loop.cpp)
done

render session-cancelled session:demarches-en-ligne 2027-05-18T09:00 1920x1080
has session-cancelled "Annulé"
for word in "Terminé" "Entrée libre" "Sur inscription" "Scannez pour vous inscrire"; do lacks session-cancelled "$word"; done
render session-cancelled-after session:demarches-en-ligne 2027-05-18T17:00 1920x1080
lacks session-cancelled-after "Terminé"

render session-room session:tablette-premiers-pas 2027-05-18T09:00 1920x1080
has session-room "Salle des associations"
has session-room "Accès de plain-pied"
lacks session-room "Boucle magnétique"  # the hall has one, this room does not
has session-room "8 places"

render session-moved session:fibre-village 2027-05-18T09:00 1280x800
has session-moved "Initialement : 14 h – 15 h, Grande salle"

render welcome attract:0 2027-05-18T09:00 1920x1080
has welcome "1 lieu"
has welcome "7 séances"
has welcome "le mardi 18 mai 2027"
lacks welcome "du mardi"
lacks welcome "English"
lacks welcome "Touch the screen"

render over attract:0 2027-05-19T10:00 1080x1920
has over "L’événement est terminé"

render home home 2027-05-18T09:00 1080x1920
has home "Coin démonstrations"
lacks home "English"

render place place:salle-des-fetes 2027-05-17T18:00 1280x800
has place "demain 9 h 30"                # not today: the day is said (over the time)
has place "Grande salle"

render place-room place:salle-des-fetes/salle-associations 2027-05-18T09:00 1920x1080
has place-room "Premiers pas sur tablette"
lacks place-room "Ranger ses photos"

# No English text may carry French spacing, and no French label a plain space before ":".
render programme-en programme 2027-05-18T10:45 1920x1080
if grep -q ' :' "$TMP/programme-en.drawn"; then fail "a plain space before ':'"; grep ' :' "$TMP/programme-en.drawn"; else pass "no plain space before ':'"; fi
finish
