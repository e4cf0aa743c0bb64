#!/usr/bin/env bash
# A kiosk configured with the staff's public key, with the real programs: a feed signed
# by `minisign -S` is installed, then one signed by `kiosk-feed sign`; a feed signed with
# another key, or an older signed version, is refused and `kiosk --status` says why while
# the content stays; without a key the status says "unsigned".
# usage: signed_sync.sh KIOSK KIOSK_FEED CONTENT_DIR
. "$(dirname "$0")/lib.sh"
kiosk=$1 feedtool=$2 content=$3
command -v minisign >/dev/null || { echo "FAIL minisign is not installed (scripts/install-deps.sh)"; exit 1; }
export XDG_CACHE_HOME="$TMP/xdg" HOME="$TMP/home"

feed="$TMP/feed"
cp -r "$content" "$feed"
rm -f "$feed/manifest.json.minisig"
minisign -G -W -p "$TMP/staff.pub" -s "$TMP/staff.key" >/dev/null
"$feedtool" keygen -W -p "$TMP/other.pub" -s "$TMP/other.key" >/dev/null
staff=$(sed -n 2p "$TMP/staff.pub") other=$(sed -n 2p "$TMP/other.pub")
write_config() {  # write_config KEY...: the kiosk's configuration with these public keys
  local keys="" k
  for k in "$@"; do keys="$keys${keys:+, }\"$k\""; done
  cat > "$TMP/kiosk.jsonc" <<CONF
{ // a kiosk that accepts only feeds signed by the staff's key
  "content_dir": "$content", "cache_dir": "$TMP/cache",
  "feed_url": "file://$feed/manifest.json", "allowed_file_roots": ["$feed"],
  "feed_public_keys": [$keys]
}
CONF
}
version() { "$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["version"])' "$feed/manifest.json"; }
bump() { edit_json "$feed/event.json" "d['edition'] = '$1'"; "$feedtool" build "$feed" >/dev/null; }

write_config "$staff"
v=$(version)
minisign -S -s "$TMP/staff.key" -m "$feed/manifest.json" -t "version:$v expires:2099-01-01T00:00:00Z" >/dev/null
expect_code 0 "a feed signed by minisign -S is installed" -- "$kiosk" --config "$TMP/kiosk.jsonc" --sync-once
expect_code 0 "status" -- "$kiosk" --config "$TMP/kiosk.jsonc" --status
expect_output "signature  valid: signed by key $(sed -n 1p "$TMP/staff.pub" | awk '{print $NF}')" "status names the staff key"
expect_output "current    version $v" "the signed version is current"

bump "sign-2"
"$feedtool" sign "$feed" -s "$TMP/staff.key" --days 30 >/dev/null
v2=$(version)
expect_code 0 "a feed signed by kiosk-feed sign is installed" -- "$kiosk" --config "$TMP/kiosk.jsonc" --sync-once
expect_code 0 "status" -- "$kiosk" --config "$TMP/kiosk.jsonc" --status
expect_output "current    version $v2" "the new version is current"

bump "intruder"
"$feedtool" sign "$feed" -s "$TMP/other.key" >/dev/null
expect_code 1 "a feed signed with another key is refused" -- "$kiosk" --config "$TMP/kiosk.jsonc" --sync-once
expect_output "not one of this kiosk's keys" "the refusal names the reason"
expect_code 1 "status after the refusal" -- "$kiosk" --config "$TMP/kiosk.jsonc" --status
expect_output "current    version $v2" "the kiosk keeps its content"
expect_output "last refused: version $((v2 + 1)) refused" "the status says why"

write_config "$staff" "$other"   # rotation: both keys accepted
expect_code 0 "with both keys the new key's feed is installed" -- "$kiosk" --config "$TMP/kiosk.jsonc" --sync-once

cp "$feed/manifest.json" "$TMP/new-manifest.json"
write_config "$staff"
# Replay: the older version v2 with its genuine signature.
"$PY" - "$feed/manifest.json" "$v2" <<'PY'
import json, sys
d = json.load(open(sys.argv[1])); d["version"] = int(sys.argv[2]) - 1
json.dump(d, open(sys.argv[1], "w"))
PY
touch -d '+5 seconds' "$feed/manifest.json"
"$feedtool" sign "$feed" -s "$TMP/staff.key" >/dev/null
expect_code 1 "an older signed version is refused" -- "$kiosk" --config "$TMP/kiosk.jsonc" --sync-once
expect_output "older than version $((v2 + 1))" "replay named"

write_config
expect_code 1 "status without keys (the last attempt failed)" -- "$kiosk" --config "$TMP/kiosk.jsonc" --status
expect_output "signature  unsigned" "without a key the status says unsigned"
printf '{ "feed_public_keys": ["RWQnotakey"] }' > "$TMP/bad.jsonc"
expect_code 2 "a bad key in the configuration is refused" -- "$kiosk" --config "$TMP/bad.jsonc" --status
expect_output "feed_public_keys" "the message names the setting"
printf '{ "kiosk_id": "musee-hall", "groups": ["Musee"] }' > "$TMP/bad.jsonc"
expect_code 2 "a group that is not an id is refused" -- "$kiosk" --config "$TMP/bad.jsonc" --status
expect_output "groups: expected ids" "the message names groups"
finish
