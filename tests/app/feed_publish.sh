#!/usr/bin/env bash
# Signing that fits an event and one-step publishing, with the real programs (issue 20):
# the default expiry covers the event's last day + 30 days; a build after sign warns and
# verify says what to run; `kiosk-feed publish` to a folder and to nginx's WebDAV (PUT,
# MKCOL, basic auth on 127.0.0.1) sends only what changed, the manifest last, and a kiosk
# configured with the staff's key installs what was published; French under fr_FR.
# usage: feed_publish.sh KIOSK KIOSK_FEED CONTENT_DIR
. "$(dirname "$0")/lib.sh"
kiosk=$1 feedtool=$2 content=$3
command -v nginx >/dev/null || { echo "FAIL nginx is not installed (scripts/install-deps.sh installs it)"; exit 1; }
command -v openssl >/dev/null || { echo "FAIL openssl is not installed (scripts/install-deps.sh installs it)"; exit 1; }
export XDG_CACHE_HOME="$TMP/xdg" HOME="$TMP/home" LANG=C.UTF-8
unset LC_ALL LC_MESSAGES

feed="$TMP/feed"
cp -r "$content" "$feed"
rm -f "$feed/manifest.json.minisig"
"$feedtool" keygen -W -p "$TMP/staff.pub" -s "$TMP/staff.key" >/dev/null
staff=$(sed -n 2p "$TMP/staff.pub")
expect_code 0 "build the event's feed" -- "$feedtool" build "$feed"

# 1. The default expiry: 30 days after the event's last day (event.json's end_date), and at
# least 30 days from now (the bundled event ends 2027-10-31: 2027-12-01 while it is ahead).
expected=$("$PY" - "$feed/event.json" <<'PYEOF'
import datetime, json, sys
end = datetime.date.fromisoformat(json.load(open(sys.argv[1]))["end_date"])
event = datetime.datetime.combine(end + datetime.timedelta(days=31), datetime.time(), datetime.timezone.utc)
now = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=30)
print(event.strftime("expires %Y-%m-%dT%H:%M:%SZ (30 days after the event's last day)") if event > now else "(in 30 days)")
PYEOF
)
expect_code 0 "sign with the default expiry" -- "$feedtool" sign "$feed" -s "$TMP/staff.key"
expect_output "$expected" "the signature lasts until 30 days after the event's last day"
expect_code 0 "verify" -- "$feedtool" verify "$feed" -P "$TMP/staff.pub"
expect_output "signature good" "the fresh signature verifies"
expect_code 0 "--days still sets the expiry" -- "$feedtool" sign "$feed" -s "$TMP/staff.key" --days 2
expect_output "(--days)" "the expiry's reason is printed"
"$feedtool" sign "$feed" -s "$TMP/staff.key" >/dev/null

# 2. A build after sign: a warning at once, and verify says what to run.
edit_json "$feed/event.json" 'd["edition"] = "publish-2"'
expect_code 0 "build after sign" -- "$feedtool" build "$feed"
expect_output "the signature must be redone: run kiosk-feed sign $feed" "build warns that the signature is stale"
expect_code 0 "validate" -- "$feedtool" validate "$feed"
expect_output "manifest.json.minisig signs version" "validate notes the stale signature too"
expect_code 1 "verify a stale signature" -- "$feedtool" verify "$feed" -P "$TMP/staff.pub"
expect_output "run kiosk-feed sign $feed" "verify says what to run"
expect_code 1 "verify in French" -- env LANG=fr_FR.UTF-8 "$feedtool" verify "$feed" -P "$TMP/staff.pub"
expect_output "lancez kiosk-feed sign $feed" "verify says what to run, in French"
rm "$feed/manifest.json.minisig"
expect_code 1 "verify without a signature" -- env LANG=fr_FR.UTF-8 "$feedtool" verify "$feed" -P "$TMP/staff.pub"
expect_output "pas de signature (manifest.json.minisig absent) : lancez kiosk-feed sign" "a missing signature is named, in French"

# 3. French help and argument errors under a French locale.
expect_code 0 "help in French" -- env LANG=fr_FR.UTF-8 "$feedtool" --help
expect_output "Sous-commandes" "CLI11's headings are French"
expect_output "publish" "publish is listed"
expect_output "Publie un flux en une étape" "subcommand descriptions are French"
expect_code 0 "publish --help in French" -- env LANG=fr_FR.UTF-8 "$feedtool" publish --help
expect_output "Utilisation" "usage line in French"
expect_output "OBLIGATOIRE" "required options marked in French"
expect_code 2 "a missing argument, in French" -- env LANG=fr_FR.UTF-8 "$feedtool" publish "$feed"
expect_output "--to est obligatoire" "the error names the missing option in French"
expect_output "Lancez avec --help pour plus d'informations." "and says where the help is"
expect_code 2 "an unexpected argument, in French" -- env LANG=fr_FR.UTF-8 "$feedtool" verify "$feed" extra -P "$TMP/staff.pub"
expect_output "argument inattendu : extra" "unexpected arguments are named in French"
expect_code 2 "a bad number, in French" -- env LANG=fr_FR.UTF-8 "$feedtool" sign "$feed" --days 0
expect_output "--days : la valeur 0 n'est pas entre 1 et 3650" "range errors in French"
expect_code 2 "English stays English" -- "$feedtool" publish "$feed"
expect_output "--to is required" "CLI11's English without a French locale"

# 4. publish to a folder: built, signed, copied; verify passes on the copy.
www="$TMP/www"
expect_code 0 "publish to a folder" -- "$feedtool" publish "$feed" --to "$www/local" -s "$TMP/staff.key"
expect_output "4/4 copying to $www/local" "publish shows its steps"
expect_output "] manifest.json (" "the manifest is copied"
expect_code 0 "verify the published copy" -- "$feedtool" verify "$www/local" -P "$TMP/staff.pub"
"$feedtool" publish "$feed" --to "$www/local" -s "$TMP/staff.key" >"$TMP/out" 2>&1
last=$(grep -E '^ +\[[0-9]+/[0-9]+\] ' "$TMP/out" | tail -1)
case "$last" in *"] manifest.json ("*) pass "the manifest is copied last" ;; *) fail "last copied: $last" ;; esac
expect_output "unchanged already there" "a second publish sends only what changed"
sent=$(grep -cE '^ +\[[0-9]+/[0-9]+\] ' "$TMP/out")
[ "$sent" = 2 ] && pass "an unchanged feed sends only its signature and manifest" || fail "sent $sent files"
for f in $("$PY" -c 'import json,sys; print(" ".join(e["path"] for e in json.load(open(sys.argv[1]))["files"]))' "$feed/manifest.json"); do
  cmp -s "$feed/$f" "$www/local/$f" || { fail "$f differs in the published folder"; break; }
done
pass "every file of the manifest is in the published folder"
expect_code 2 "publish into the feed itself is refused" -- "$feedtool" publish "$feed" --to "$feed" -s "$TMP/staff.key"

# 5. publish to nginx's WebDAV with basic auth, then a kiosk with the staff's key syncs it.
mkdir -p "$www/dav" "$TMP/nginx"
printf 'staff:%s\n' "$(openssl passwd -apr1 'secret-pw')" > "$TMP/nginx/htpasswd"
start_nginx "$www" "location /dav/ {
      dav_methods PUT MKCOL; dav_access user:rw group:r all:r;
      limit_except GET HEAD { auth_basic staff; auth_basic_user_file $TMP/nginx/htpasswd; }
    }"
url="http://127.0.0.1:$port/dav/feed/"

expect_code 1 "a wrong WebDAV password" -- \
  env KIOSK_FEED_PASSWORD=wrong LANG=fr_FR.UTF-8 "$feedtool" publish "$feed" --to "$url" --user staff -s "$TMP/staff.key"
expect_output "accès refusé" "the refusal is explained in French"
expect_output "les bornes gardent la version" "and says the kiosks keep what they have"
[ ! -e "$www/dav/feed/manifest.json" ] && pass "no manifest was published" || fail "a manifest was published after a refusal"
expect_code 0 "publish to WebDAV" -- \
  env KIOSK_FEED_PASSWORD=secret-pw LANG=fr_FR.UTF-8 "$feedtool" publish "$feed" --to "$url" --user staff -s "$TMP/staff.key"
expect_output "1/4 lecture de la version publiée" "publish speaks French"
expect_output "publié :" "publish says it is done"
grep -q '"MKCOL /dav/feed/images/' "$TMP/nginx/access.log" && pass "the images folder was created with MKCOL" || fail "no MKCOL in nginx's log"
published=$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["version"])' "$www/dav/feed/manifest.json")
cat > "$TMP/kiosk.jsonc" <<CONF
{ "content_dir": "$content", "cache_dir": "$TMP/cache",
  "feed_url": "http://127.0.0.1:$port/dav/feed/manifest.json", "feed_public_keys": ["$staff"] }
CONF
expect_code 0 "a kiosk with the staff's key syncs the published feed" -- "$kiosk" --config "$TMP/kiosk.jsonc" --sync-once
expect_code 0 "status" -- "$kiosk" --config "$TMP/kiosk.jsonc" --status
expect_output "current    version $published" "the kiosk shows the published version"
expect_output "signature  valid" "its signature is valid"
edit_json "$feed/event.json" 'd["edition"] = "publish-3"'
expect_code 0 "publish a change" -- \
  env KIOSK_FEED_PASSWORD=secret-pw "$feedtool" publish "$feed" --to "$url" --user staff -s "$TMP/staff.key"
expect_output "] event.json (" "the changed document is sent"
expect_output "unchanged already there" "the unchanged files are not sent again"
next=$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["version"])' "$www/dav/feed/manifest.json")
[ "$next" -gt "$published" ] && pass "the published version goes up ($published -> $next)" || fail "version $published -> $next"
expect_code 0 "the kiosk takes the change" -- "$kiosk" --config "$TMP/kiosk.jsonc" --sync-once
expect_code 0 "status" -- "$kiosk" --config "$TMP/kiosk.jsonc" --status
expect_output "current    version $next" "the kiosk shows the new version"
finish
