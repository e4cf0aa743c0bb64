#!/usr/bin/env bash
# Tests the .deb without a container: its file list (dpkg --contents), lintian (through
# package.sh), then the package extracted into an empty root (dpkg -x) where the
# installed kiosk renders headless from its installed paths only, with the source tree
# hidden, and its unit passes systemd-analyze verify.
set -euo pipefail

usage() {
  cat <<TXT
usage: scripts/test-package.sh [DEB] [--help]
  Without DEB, builds one with scripts/package.sh first (several minutes the first time).
  Exit codes: 0 all checks passed, 1 a check failed, 2 bad usage or no package.
TXT
}
case "${1:-}" in -h|--help) usage; exit 0 ;; esac
here=$(cd "$(dirname "$0")/.." && pwd)
deb=${1:-}
if [ -z "$deb" ]; then deb=$("$here/scripts/package.sh" | tail -n1) || exit 2; fi
[ -f "$deb" ] || { echo "test-package: no package $deb" >&2; exit 2; }

fail() { echo "test-package: FAIL: $*" >&2; exit 1; }
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT

# 1. What the package holds and declares.
contents=$(dpkg --contents "$deb")
for f in ./usr/bin/kiosk ./usr/bin/kiosk-feed ./usr/bin/kiosk-session ./etc/kiosk/kiosk.jsonc \
         ./usr/share/kiosk/content/manifest.json ./usr/share/kiosk/content/event.json \
         ./lib/systemd/system/kiosk.service ./usr/share/man/man1/kiosk.1.gz ./usr/share/man/man1/kiosk-feed.1.gz \
         ./usr/share/doc/kiosk/copyright ./usr/share/doc/kiosk/changelog.Debian.gz; do
  echo "$contents" | grep -q " $f\$" || fail "the package lacks $f"
done
echo "$contents" | grep -q "/usr/share/doc/libimgui-dev" && fail "the package refers to /usr/share/doc"
dpkg-deb -f "$deb" Depends | grep -q libsdl2 || fail "Depends has no libsdl2 (dpkg-shlibdeps)"
dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./conffiles | grep -qx /etc/kiosk/kiosk.jsonc || fail "kiosk.jsonc is not a conffile"
echo "contents: ok ($(echo "$contents" | wc -l) entries)"

# 2. Extracted into an empty root: the installed binary finds root/etc and root/usr/share.
dpkg -x "$deb" "$root"
"$root/usr/bin/kiosk" --version | grep -q "^kiosk " || fail "kiosk --version"
"$root/usr/bin/kiosk-feed" validate "$root/usr/share/kiosk/content" >/dev/null || fail "the installed content does not validate"
log=$(cd / && env -u XDG_CACHE_HOME HOME="$root/home" SDL_VIDEODRIVER=dummy \
  "$root/usr/bin/kiosk" --headless --screenshot "$root/shot.png" --now 2027-10-20T14:30 2>&1) || { echo "$log" >&2; fail "headless render"; }
echo "$log" | grep -q "content $root/usr/share/kiosk/content:" || { echo "$log" >&2; fail "did not use the installed content"; }
echo "$log" | grep -q "$here" && { echo "$log" >&2; fail "the installed kiosk used the source tree"; }
[ "$(head -c 8 "$root/shot.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "the screenshot is not a PNG"
size=$(stat -c %s "$root/shot.png")
[ "$size" -gt 50000 ] || fail "the screenshot is only $size bytes: nothing drawn?"
# The config file used was the package's.
"$root/usr/bin/kiosk" --help | grep -q "default: $root/etc/kiosk/kiosk.jsonc" || fail "--help does not name the extracted root's config"
echo "headless render from the extracted root: ok ($size bytes)"

# 3. The installed unit.
unit="$root/lib/systemd/system/kiosk.service"
sed -i "s|^ExecStart=/usr/bin/|ExecStart=$root/usr/bin/|" "$unit"
out=$(SYSTEMD_LOG_LEVEL=notice systemd-analyze verify --man=no "$unit" 2>&1) || { echo "$out" >&2; fail "systemd-analyze verify"; }
echo "$out" | grep -q kiosk.service && { echo "$out" >&2; fail "systemd-analyze warns about the unit"; }
echo "unit: ok"
echo "test-package: all checks passed for $(basename "$deb")"
