#!/usr/bin/env bash
# Checks config/systemd/kiosk.service.in with systemd-analyze verify, filled in with this
# build's paths (as CMake does for the installed unit), and that it keeps the settings
# the kiosk relies on. usage: verify_unit.sh SOURCE_DIR KIOSK_BINARY
set -euo pipefail
src=$1 kiosk=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/bin" "$tmp/doc"
cp "$src/config/systemd/kiosk-session" "$tmp/bin/"
ln -s "$kiosk" "$tmp/bin/kiosk"
sed -e "s|@CMAKE_INSTALL_FULL_BINDIR@|$tmp/bin|g" -e "s|@CMAKE_INSTALL_FULL_DOCDIR@|$tmp/doc|g" \
  "$src/config/systemd/kiosk.service.in" > "$tmp/kiosk.service"
if grep -q '@CMAKE_' "$tmp/kiosk.service"; then echo "verify_unit: unfilled @VARIABLE@ in the unit" >&2; exit 1; fi
out=$(SYSTEMD_LOG_LEVEL=notice systemd-analyze verify --man=no "$tmp/kiosk.service" 2>&1) || {
  echo "$out" >&2; echo "verify_unit: systemd-analyze verify failed" >&2; exit 1; }
# Lines about the kiosk unit itself are problems; other units' noise (this machine's) is not.
if echo "$out" | grep -q 'kiosk.service'; then echo "$out" >&2; echo "verify_unit: warnings about the unit" >&2; exit 1; fi
for want in Type=notify NotifyAccess=all Restart=always WatchdogSec= CacheDirectory=kiosk StateDirectory=kiosk User=kiosk; do
  grep -q "^$want" "$tmp/kiosk.service" || { echo "verify_unit: the unit lacks $want" >&2; exit 1; }
done
echo "kiosk.service verified"
