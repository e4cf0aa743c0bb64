#!/usr/bin/env bash
# The configuration's "stats" block: accepted when complete, refused with the key named
# when not (the kiosk stops with exit code 2 before opening anything).
# Usage: config.sh KIOSK SOURCE_DIR
source "$(dirname "$0")/../app/lib.sh"
kiosk=$1 src=$2

cat >"$TMP/bad.jsonc" <<'JSON'
{ "stats": { "database": "stats.sqlite", "matomo_url": "http://127.0.0.1:9/matomo.php" } }
JSON
expect_code 2 "matomo_url without a site id and token" -- "$kiosk" --config "$TMP/bad.jsonc" --check
expect_output "stats.matomo_url needs stats.matomo_site_id and stats.matomo_token" "names the missing keys"

cat >"$TMP/bad-id.jsonc" <<'JSON'
{ "stats": { "database": "stats.sqlite", "kiosk_id": "Borne d'accueil" } }
JSON
expect_code 2 "a kiosk id with spaces" -- "$kiosk" --config "$TMP/bad-id.jsonc" --check
expect_output "stats.kiosk_id" "names stats.kiosk_id"

cat >"$TMP/typo.jsonc" <<'JSON'
{ "stats": { "databse": "stats.sqlite" } }
JSON
"$kiosk" --config "$TMP/typo.jsonc" --content "$src/content" --headless --screenshot "$TMP/s.png" >"$TMP/out" 2>&1
expect_output 'unknown setting "stats.databse" ignored' "a misspelt key is reported"
finish
