#!/usr/bin/env bash
# kiosk-feed and Debian's minisign share keys and signatures: a feed signed by
# `minisign -S` verifies with kiosk-feed, one signed by `kiosk-feed sign` with `minisign -V`,
# encrypted and unencrypted keys both ways. Usage: minisign_interop.sh KIOSK_FEED CONTENT_DIR
. "$(dirname "$0")/lib.sh"
FEED=$1 CONTENT=$2
command -v minisign >/dev/null || { echo "minisign is not installed: scripts/install-deps.sh"; exit 1; }

cp -r "$CONTENT" "$TMP/feed"
rm -f "$TMP/feed/manifest.json.minisig"
export HOME="$TMP/home"   # default key paths stay inside the test folder

# 1. kiosk-feed's encrypted key (interactive scrypt cost), signed by kiosk-feed, checked by minisign.
expect_code 0 "kiosk-feed keygen with a password" -- \
  sh -c "printf 'pw-one\n' | '$FEED' keygen --kdf interactive -p '$TMP/k.pub' -s '$TMP/k.key'"
expect_output "feed_public_keys" "keygen says where the public key goes"
expect_code 1 "keygen refuses to overwrite" -- sh -c "printf 'x\n' | '$FEED' keygen -p '$TMP/k.pub' -s '$TMP/k.key'"
expect_code 0 "kiosk-feed sign with the encrypted key" -- \
  sh -c "printf 'pw-one\n' | '$FEED' sign '$TMP/feed' -s '$TMP/k.key' --expires 2099-01-01T00:00:00Z"
version=$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["version"])' "$TMP/feed/manifest.json")
expect_output "version $version, expires 2099-01-01T00:00:00Z (--expires)" "sign prints the claims"
expect_code 0 "minisign -V accepts kiosk-feed's signature" -- \
  minisign -V -p "$TMP/k.pub" -m "$TMP/feed/manifest.json" -x "$TMP/feed/manifest.json.minisig"
expect_output "version:$version expires:2099-01-01T00:00:00Z" "minisign shows the trusted comment"
expect_code 0 "minisign -H (prehashed only) accepts it too" -- \
  minisign -V -H -p "$TMP/k.pub" -m "$TMP/feed/manifest.json" -x "$TMP/feed/manifest.json.minisig"
expect_code 1 "kiosk-feed sign with a wrong password" -- \
  sh -c "printf 'pw-two\n' | '$FEED' sign '$TMP/feed' -s '$TMP/k.key'"
expect_output "wrong password" "the wrong password is named"

# 2. minisign signs with kiosk-feed's encrypted key; kiosk-feed verifies.
cp "$TMP/feed/manifest.json.minisig" "$TMP/kiosk.minisig"
expect_code 0 "minisign -S with kiosk-feed's encrypted key" -- \
  sh -c "printf 'pw-one\n' | minisign -S -s '$TMP/k.key' -m '$TMP/feed/manifest.json' -t 'version:$version expires:2099-06-01T00:00:00Z'"
expect_code 0 "kiosk-feed verify accepts minisign's signature" -- "$FEED" verify "$TMP/feed" -P "$TMP/k.pub"
expect_output "expires 2099-06-01T00:00:00Z" "kiosk-feed reads minisign's trusted comment"

# 3. minisign's own unencrypted key (-W), both directions.
expect_code 0 "minisign -G -W" -- minisign -G -W -p "$TMP/m.pub" -s "$TMP/m.key"
expect_code 0 "minisign -S with its key" -- \
  minisign -S -s "$TMP/m.key" -m "$TMP/feed/manifest.json" -t "version:$version expires:2099-01-01T00:00:00Z"
expect_code 0 "kiosk-feed verify with the base64 key" -- "$FEED" verify "$TMP/feed" -P "$(sed -n 2p "$TMP/m.pub")"
expect_code 1 "kiosk-feed verify with another key" -- "$FEED" verify "$TMP/feed" -P "$TMP/k.pub"
expect_output "not one of this kiosk's keys" "the foreign key is named"
expect_code 0 "kiosk-feed verify with two keys (rotation)" -- "$FEED" verify "$TMP/feed" -P "$TMP/k.pub" -P "$TMP/m.pub"
expect_code 0 "kiosk-feed sign with minisign's unencrypted key" -- \
  "$FEED" sign "$TMP/feed" -s "$TMP/m.key" --days 10 </dev/null
expect_code 0 "minisign -V accepts it" -- minisign -V -p "$TMP/m.pub" -m "$TMP/feed/manifest.json"

# 4. kiosk-feed's unencrypted key is usable by minisign; tampering is caught by both.
expect_code 0 "kiosk-feed keygen --unencrypted" -- "$FEED" keygen -W -p "$TMP/u.pub" -s "$TMP/u.key"
expect_code 0 "minisign -S with kiosk-feed's unencrypted key" -- \
  sh -c "minisign -S -W -s '$TMP/u.key' -m '$TMP/feed/manifest.json' -t 'version:$version' </dev/null"
expect_code 0 "kiosk-feed verify" -- "$FEED" verify "$TMP/feed" -P "$TMP/u.pub"
expect_output "no expiry" "a comment without expires: never expires"
expect_code 2 "kiosk-feed sign refuses an expiry already passed" -- "$FEED" sign "$TMP/feed" -s "$TMP/u.key" --expires 2020-01-01T00:00:00Z
expect_output "has already passed: no kiosk would accept this feed" "and says why"
minisign -S -W -s "$TMP/u.key" -m "$TMP/feed/manifest.json" -t "version:$version expires:2020-01-01T00:00:00Z" </dev/null >/dev/null
expect_code 1 "an expired signature is reported" -- "$FEED" verify "$TMP/feed" -P "$TMP/u.pub"
expect_output "EXPIRED" "verify says expired"
sed -i 's/"version"/"version" /' "$TMP/feed/manifest.json"
expect_code 1 "kiosk-feed refuses a tampered manifest" -- "$FEED" verify "$TMP/feed" -P "$TMP/u.pub"
expect_code 1 "minisign refuses it too" -- minisign -V -p "$TMP/u.pub" -m "$TMP/feed/manifest.json"

# 5. build ignores the signature file (it is not part of the feed).
expect_code 0 "validate does not warn about manifest.json.minisig" -- "$FEED" validate "$TMP/feed"
if grep -q "minisig" "$TMP/out"; then fail "validate mentions the signature file"; else pass "no warning for the signature"; fi
finish
