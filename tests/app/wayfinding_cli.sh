#!/usr/bin/env bash
# Wayfinding as a technician and a visitor see it: `kiosk --check` refuses a "here" that
# names no place (or room) of the content and lists the ids; "Vous êtes ici" is drawn on
# the territory map and on the place's floor plan; the Clermont venues are one marker.
# usage: wayfinding_cli.sh KIOSK SOURCE_DIR
. "$(dirname "$0")/lib.sh"
kiosk=$1 src=$2
content=$src/content

printf '{ "here": { "place": "hotel-du-departement" } }' > "$TMP/typo.jsonc"
expect_code 1 "--check fails on an unknown here.place" -- "$kiosk" --check --content "$content" --config "$TMP/typo.jsonc"
expect_output 'FAIL  here      here.place "hotel-du-departement" is no place of the content' "names the unknown place"
expect_output "hotel-departement, archives-departementales" "lists the place ids that exist"
printf '{ "here": { "place": "hotel-departement", "room": "entree" } }' > "$TMP/room.jsonc"
expect_code 1 "--check fails on an unknown here.room" -- "$kiosk" --check --content "$content" --config "$TMP/room.jsonc"
expect_output 'here.room "entree" is no room of hotel-departement' "names the unknown room"
expect_output "accueil" "lists the room ids that exist"
printf '{ "here": { "place": "hotel-departement", "room": "accueil" } }' > "$TMP/good.jsonc"
expect_code 0 "--check passes with a known here" -- "$kiosk" --check --content "$content" --config "$TMP/good.jsonc"
expect_output 'ok    here      "you are here" at hotel-departement, room accueil' "reports where the kiosk is"

# drawn TEXT SCREEN CONFIG SIZE: the screen, rendered headless, draws a line containing TEXT
drawn() {
  local want=$1 screen=$2 cfg=$3 size=$4 lang=${5:-fr}
  if ! "$kiosk" --headless --config "$cfg" --content "$content" --screen "$screen" --size "$size" --lang "$lang" \
      --now 2027-10-21T10:00 --screenshot "$TMP/s.png" --texts "$TMP/texts" >"$TMP/log" 2>&1; then
    fail "render $screen at $size"; cat "$TMP/log"; return
  fi
  if grep -qF -- "$want" "$TMP/texts"; then pass "$screen at $size ($lang) draws «$want»"
  else fail "$screen at $size ($lang) lacks «$want»"; sed 's/^/     | /' "$TMP/texts" | head -30; fi
}
for size in 1920x1080 1080x1920 1280x800; do
  drawn "Vous êtes ici" maps "$TMP/good.jsonc" $size
  drawn "Vous êtes ici" "maps:hotel-departement/accueil" "$TMP/good.jsonc" $size
  drawn "Clermont-Ferrand · 3"$'\u00a0'"lieux" maps "$TMP/good.jsonc" $size
done
drawn "You are here" "maps:hotel-departement/accueil" "$TMP/good.jsonc" 1920x1080 en
# The totem stands in Lezoux: its floor plan, not the Hôtel du Département's, says so.
drawn "Vous êtes ici" "maps:musee-ceramique-lezoux/accueil-boutique" "$src/config/totem-55.jsonc" 1080x1920
"$kiosk" --headless --config "$src/config/totem-55.jsonc" --content "$content" --screen "maps:hotel-departement/accueil" \
  --now 2027-10-21T10:00 --screenshot "$TMP/s.png" --texts "$TMP/texts" >"$TMP/log" 2>&1
if grep -qF "Vous êtes ici" "$TMP/texts"; then fail "another venue's plan says «Vous êtes ici»"; else pass "another venue's plan has no «Vous êtes ici»"; fi
finish
