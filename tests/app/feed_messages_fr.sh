#!/usr/bin/env bash
# kiosk-feed in French (issue 11): with LANG=fr_FR.UTF-8, validate and import show the
# core's diagnostics (loader, manifest, importers) in French, and in English otherwise.
# usage: feed_messages_fr.sh KIOSK_FEED
. "$(dirname "$0")/lib.sh"
feedtool=$1
"$feedtool" init "$TMP/feed" --start 2027-10-19 >/dev/null || { fail "kiosk-feed init"; finish; exit 1; }
# A session with a time written as in a spreadsheet, an unknown place, an unknown access
# value, a missing title and an unknown field.
cat >"$TMP/feed/sessions.json" <<'JSON'
{"sessions": [
  {"id": "tablette", "title": "Atelier tablette", "type": "workshop", "start": "14h30",
   "end": "2027-10-19T16:00:00+02:00", "place": "mediatheque"},
  {"id": "cafe", "title": "Café numérique", "type": "other", "start": "2027-10-19T10:00:00+02:00",
   "end": "2027-10-19T11:00:00+02:00", "place": "salle-inconnue", "access": ["plain-pied"], "couleur": "bleu"},
  {"id": "sans-titre", "type": "other", "start": "2027-10-19T10:00:00+02:00", "end": "2027-10-19T11:00:00+02:00",
   "place": "salle-inconnue"}
]}
JSON
LANG=fr_FR.UTF-8 LC_ALL= LC_MESSAGES= "$feedtool" validate "$TMP/feed" >"$TMP/out" 2>&1; code=$?
[ "$code" = 1 ] && pass "validate fails on the broken feed (exit 1)" || fail "validate exited $code, expected 1"
expect_output "erreur: sessions.json: \$.sessions[0].start: attendu une date-heure ISO 8601 avec son décalage, trouvé \"14h30\"" "a time written 14h30, in French"
expect_output "attendu l'identifiant d'un lieu de places.json, trouvé \"salle-inconnue\"" "an unknown place, in French"
expect_output "manquant : attendu" "a missing title, in French"
expect_output "champ inconnu, ignoré" "an unknown field, in French"
expect_output "plain-pied" "the unknown access value is named"
expect_output "« Café numérique »" "items are named by title"
expect_output "erreur(s)" "the summary is in French"
if grep -Eq '(^|[^a-z])(expected|got|missing|unknown field)([^a-z]|$)' "$TMP/out"; then
  fail "English words are left in the French messages:"; grep -E 'expected|got|missing|unknown field' "$TMP/out" | sed 's/^/     | /'
else pass "no English word left in the French messages"; fi

LANG=C.UTF-8 LC_ALL= LC_MESSAGES= "$feedtool" validate "$TMP/feed" >"$TMP/out" 2>&1
expect_output "error: sessions.json: \$.sessions[0].start: expected ISO 8601 date-time with offset, got \"14h30\"" "the same message in English with LANG=C"

# The importers' diagnostics: a French sheet with an unknown column and a bad time.
printf 'Date;Début;Titre;Lieu;Couleur\r\n19/10/2027;vers midi;Atelier;Médiathèque;bleu\r\n' >"$TMP/prog.csv"
LANG=fr_FR.UTF-8 LC_ALL= LC_MESSAGES= "$feedtool" import csv "$TMP/prog.csv" --into "$TMP/feed" >"$TMP/out" 2>&1
expect_output "colonne inconnue \"Couleur\"" "an unknown column, in French"
expect_output "ligne 2, colonne debut" "the place in the sheet, in French"
expect_output "attendu une heure comme 14h30, 14:30 ou 14 h 30, trouvé \"vers midi\"" "a bad time, in French"
if grep -Eq '(^|[^a-z])(expected|got|unknown column)([^a-z]|$)' "$TMP/out"; then
  fail "English words are left in the import's French messages:"; sed 's/^/     | /' "$TMP/out"
else pass "no English word left in the import's French messages"; fi
finish
