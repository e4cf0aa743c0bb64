#!/usr/bin/env bash
# kiosk-feed stats on a scripted day of two kiosks: the CSV files read back with a CSV
# parser, the PDF turned into a PNG (pdftoppm) and its titles read back (pdftotext), in
# French and English; and the exit codes of wrong usage.
# Usage: exports.sh KIOSK_FEED STATS_MAKE_DAY SOURCE_DIR
source "$(dirname "$0")/../app/lib.sh"
feed=$1 make_day=$2 src=$3
here=$(dirname "$0")

"$make_day" "$TMP/accueil.sqlite" borne-accueil 1 >"$TMP/accueil.json" || fail "stats_make_day accueil"
"$make_day" "$TMP/showroom.sqlite" borne-showroom 2 >"$TMP/showroom.json" || fail "stats_make_day showroom"

expect_code 0 "stats writes the CSV files and the report" -- \
  "$feed" stats "$TMP/accueil.sqlite" "$TMP/showroom.sqlite" --csv "$TMP/csv" --pdf "$TMP/report.pdf" --content "$src/content"
expect_output "2 kiosk(s)" "both kiosks are read"
if python3 "$here/check_exports.py" "$TMP/csv" fr "$TMP/accueil.json" "$TMP/showroom.json" >"$TMP/check" 2>&1; then
  pass "the French CSV files read back with the csv module match the recorded day"
else
  fail "CSV check"; sed 's/^/     | /' "$TMP/check"
fi

pages=$(pdfinfo "$TMP/report.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
[ "$pages" = 1 ] && pass "the report is one page" || fail "the report has ${pages:-no} pages"
pdftoppm -r 60 -png -singlefile "$TMP/report.pdf" "$TMP/report" && [ -s "$TMP/report.png" ] \
  && pass "pdftoppm renders it to PNG" || fail "pdftoppm could not render the report"
size=$(python3 -c "import struct,sys; d=open(sys.argv[1],'rb').read(24); print(*struct.unpack('>II', d[16:24]))" "$TMP/report.png")
python3 -c "import sys; w, h = map(int, sys.argv[1:]); sys.exit(0 if 700 <= w <= 704 and 494 <= h <= 498 else 1)" $size \
  && pass "A4 landscape page ($size px at 60 dpi)" || fail "page size $size, expected about 702 x 496"
# The pixels, not only the text layer: the titles are readable on the PNG.
pdftoppm -r 150 -png -singlefile "$TMP/report.pdf" "$TMP/report150"
tesseract "$TMP/report150.png" "$TMP/ocr" -l fra >/dev/null 2>&1
cp "$TMP/ocr.txt" "$TMP/out"
for t in "Fréquentation des bornes interactives" "Visites par jour" "Sessions les plus consultées" "Langues et accessibilité"; do
  expect_output "$t" "OCR of the PNG reads \"$t\""
done
pdftotext -layout "$TMP/report.pdf" "$TMP/report.txt"
cp "$TMP/report.txt" "$TMP/out"
for t in "Fréquentation des bornes interactives" "Visites par jour" "Visites par heure de la journée" \
         "Sessions les plus consultées" "Démos les plus consultées" "Langues et accessibilité" \
         "Semaine Culture" "Robots pédagogiques" "borne-showroom" "contraste élevé"; do
  expect_output "$t" "the French report reads \"$t\""
done
total=$(( $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["visits"])' "$TMP/accueil.json") + \
          $(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["visits"])' "$TMP/showroom.json") ))
grep -qE "^ *$total +" "$TMP/report.txt" || grep -qE "(^| )$total( |$)" "$TMP/report.txt" \
  && pass "the report's visit total is $total" || fail "the report does not show the total of $total visits"

expect_code 0 "stats --lang en" -- \
  "$feed" stats "$TMP/accueil.sqlite" "$TMP/showroom.sqlite" --lang en --csv "$TMP/csv-en" --pdf "$TMP/report-en.pdf" --content "$src/content"
if python3 "$here/check_exports.py" "$TMP/csv-en" en "$TMP/accueil.json" "$TMP/showroom.json" >"$TMP/check" 2>&1; then
  pass "the English CSV files match too"
else
  fail "English CSV check"; sed 's/^/     | /' "$TMP/check"
fi
pdftotext "$TMP/report-en.pdf" "$TMP/out"
for t in "Interactive kiosk attendance" "Visits per day" "Most viewed sessions" "Most viewed demos" "Languages and accessibility"; do
  expect_output "$t" "the English report reads \"$t\""
done

# The staff tool runs on a server with no display: no SDL, no ImGui behind it.
if ldd "$feed" | grep -qiE "libSDL|imgui"; then fail "kiosk-feed links SDL or ImGui"; else pass "kiosk-feed links no SDL or ImGui"; fi

expect_code 1 "a missing database is exit 1" -- "$feed" stats "$TMP/none.sqlite" --csv "$TMP/x"
expect_output "no such statistics database" "and says which file"
echo "not a database" >"$TMP/bad.sqlite"
expect_code 1 "a file that is not a database is exit 1" -- "$feed" stats "$TMP/bad.sqlite" --csv "$TMP/x"
expect_code 2 "an unknown language is exit 2" -- "$feed" stats "$TMP/accueil.sqlite" --lang de
expect_code 0 "stats --help" -- "$feed" stats --help
expect_output "--pdf" "the help names --pdf"
finish
