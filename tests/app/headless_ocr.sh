#!/usr/bin/env bash
# Renders each screen headless: a few smoke renders per reference screen are read back
# with OCR (tesseract -l fra), so accents and fonts really reach the pixels; every other
# screen, in both languages, is checked through the texts the kiosk records it drew.
# usage: headless_ocr.sh KIOSK SOURCE_DIR
. "$(dirname "$0")/lib.sh"
kiosk=$1 src=$2
for tool in tesseract convert; do
  command -v $tool >/dev/null || { echo "FAIL $tool is not installed (scripts/install-deps.sh installs it)"; exit 1; }
done

# (lib.sh runs tesseract on one thread: with its OpenMP threads this test took 126 s
# instead of 25, most of it in the kernel.)
# OCR text with no-break spaces folded and spaces squeezed, for matching. The picture and
# its grey negative (light text on coloured bands becomes dark); maps are also read as
# sparse text (labels scattered over a picture).
ocr() { convert "$1" -colorspace Gray -negate "$1.neg.png"
        { for img in "$1" "$1.neg.png"; do
            tesseract "$img" - -l fra
            case $1 in *maps*) tesseract "$img" - -l fra --psm 11 ;; esac
          done; } 2>/dev/null |
        sed 's/\xc2\xa0/ /g; s/\xe2\x80\xaf/ /g' | tr -s ' '; }

render() {  # render NAME CONFIG SCREEN LANG: the PNG and the drawn texts
  "$kiosk" --headless --config "$src/config/$2" --screen "$3" --lang "$4" --now 2027-10-20T14:30 \
    --screenshot "$TMP/$1.png" --texts "$TMP/$1.drawn" 2>"$TMP/$1.log" || { fail "render $1"; cat "$TMP/$1.log"; return 1; }
  if grep -q "text does not fit" "$TMP/$1.log"; then fail "$1: text overflow"; grep "does not fit" "$TMP/$1.log"; fi
  sed 's/\xc2\xa0/ /g; s/\xe2\x80\xaf/ /g' "$TMP/$1.drawn" | tr '\n' ' ' | tr -s ' ' > "$TMP/$1.txt"
}
shoot() {  # shoot NAME CONFIG SCREEN LANG: rendered and read back with OCR
  render "$@" || return 1
  ocr "$TMP/$1.png" > "$TMP/$1.txt"
}

expect_text() {  # expect_text NAME TEXT
  if grep -qiF -- "$2" "$TMP/$1.txt"; then pass "$1 shows «$2»"; else fail "$1: OCR did not find «$2»"; sed 's/^/     | /' "$TMP/$1.txt" | head -30; fi
}

for cfg in kiosk.jsonc totem-55.jsonc tablet-10.jsonc; do
  name=programme-${cfg%.jsonc}
  shoot "$name" "$cfg" programme fr || continue
  expect_text "$name" "mercredi 20"
  expect_text "$name" "Hôtel du Département"
  [ "$cfg" = tablet-10.jsonc ] && continue  # the small screen shows the first sessions only
  expect_text "$name" "Inclusion numérique"  # at 14:30 the day opens at what runs
  expect_text "$name" "repères pour les familles"
  expect_text "$name" "Changement de salle"  # the changed session of that day says what changed
done

# Every other screen at the three reference screens, a named title each (lines: screen,
# French text, English text). The language alternates, so each screen is read in both
# languages and each size shows both; ui/ tests render every screen in-process at every
# size in both languages (this one checks the real program).
turn=0
while IFS='|' read -r screen fr en; do
  [ -n "$screen" ] || continue
  for cfg in kiosk.jsonc totem-55.jsonc tablet-10.jsonc; do
    lang=fr; [ $((turn % 2)) = 1 ] && lang=en
    turn=$((turn + 1))
    name="${screen//[:\/]/_}-${cfg%.jsonc}-$lang"
    render "$name" "$cfg" "$screen" "$lang" || continue
    if [ "$lang" = fr ]; then expect_text "$name" "$fr"; else expect_text "$name" "$en"; fi
  done
done <<'SCREENS'
home|Infos pratiques|Practical information
maps|êtes ici|are here
showroom|Gergovie|Gergovie
session:table-ronde-inclusion-rurale|Inclusion numérique|Digital inclusion
demo:ceramiques-3d|céramiques sigillées|Samian ware
info|Venir et circuler|Getting here
page:horaires|Dates et horaires|Dates and opening times
accessibility|Texte plus grand|Larger text
SCREENS

shoot programme-en kiosk.jsonc programme en && {
  expect_text programme-en "Wednesday 20 October"
  expect_text programme-en "Children and screens"
}
shoot attract-fr kiosk.jsonc attract fr && {
  expect_text attract-fr "Semaine Culture & Numérique"
  expect_text attract-fr "écran pour commencer"
}
finish
