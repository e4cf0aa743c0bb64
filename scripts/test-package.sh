#!/usr/bin/env bash
# Tests the .deb as a technician meets it, without a container: its file list, lintian,
# then `apt-get install ./kiosk_*.deb` into a clean Debian 12 root (debootstrap minbase,
# chroot) so its Depends resolve, the installed kiosk rendering headless from its installed
# paths as the kiosk user, its man pages, its unit (systemd-analyze verify) and, under the
# root's own systemd (tests/supervision/systemd_in_root.sh), systemctl start and the watchdog.
set -euo pipefail

usage() {
  cat <<TXT
usage: scripts/test-package.sh [DEB] [--build-dir DIR] [--help]
  Without DEB, builds one with scripts/package.sh in DIR first (default build-deb;
  several minutes the first time). The clean root is made with debootstrap from the
  Debian mirror this machine's apt sources name, and cached as DIR/test-root/*.tar.gz
  (with the packages it downloaded) so that a second run takes well under a minute.
  Then systemd is booted in the root (its own PID and mount namespaces) to check that
  systemctl start kiosk gets READY=1 and that its watchdog restarts a hung loop.
  Needs root (chroot, mount, unshare), debootstrap, lintian and systemd-analyze.
  Exit codes: 0 all checks passed, 1 a check failed, 2 bad usage or cannot run.
TXT
}

here=$(cd "$(dirname "$0")/.." && pwd)
build="$here/build-deb"
deb=""
while [ $# -gt 0 ]; do
  case $1 in
    -h|--help) usage; exit 0 ;;
    --build-dir) [ $# -ge 2 ] || { usage >&2; exit 2; }; build=$(realpath -m "$2"); shift 2 ;;
    -*) echo "test-package: unknown option '$1'" >&2; usage >&2; exit 2 ;;
    *) deb=$(realpath -m "$1"); shift ;;
  esac
done

started=$SECONDS
step() { echo "test-package: [$((SECONDS - started)) s] $*"; }
fail() { echo "test-package: FAIL: $*" >&2; exit 1; }
cannot() { echo "test-package: cannot run: $*" >&2; exit 2; }
[ "$(id -u)" = 0 ] || cannot "needs root for chroot and mount (run it as root, e.g. in CI)"
for tool in debootstrap lintian systemd-analyze chroot unshare nsenter; do
  command -v "$tool" >/dev/null || PATH=$PATH:/usr/sbin:/sbin command -v "$tool" >/dev/null ||
    cannot "$tool is not installed (scripts/install-deps.sh installs it)"
done
export PATH=$PATH:/usr/sbin:/sbin

if [ -z "$deb" ]; then
  step "building the package (scripts/package.sh --build-dir $build)"
  deb=$("$here/scripts/package.sh" --build-dir "$build" --no-lintian | tail -n1) || cannot "scripts/package.sh failed"
fi
[ -f "$deb" ] || cannot "no package $deb"

# 1. What the package holds and declares.
step "contents of $(basename "$deb")"
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

# 2. lintian: errors fail, warnings are shown.
step "lintian"
lint=$(lintian --tag-display-limit 0 "$deb" 2>&1 || true)
[ -n "$lint" ] && echo "$lint"
echo "$lint" | grep -q '^E:' && fail "lintian reports errors"

# 3. A clean Debian 12 root from the mirror apt already uses here, cached as a tarball.
# deb822 (.sources) and one-line (.list) sources both name it; the first bookworm one wins.
mirror_for() {  # mirror_for SUITE: the URI of the first main source carrying SUITE
  local suite=$1
  { for f in /etc/apt/sources.list.d/*.sources; do [ -f "$f" ] && awk -v s="$suite" '
      /^URIs:/ {u=$2} /^Suites:/ {for (i=2;i<=NF;i++) if ($i==s) hit=1}
      /^$/ {if (hit && u) print u; u=""; hit=0} END {if (hit && u) print u}' "$f"; done
    cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null |
      awk -v s="$suite" '$1=="deb" && $3==s {print $2}'; } 2>/dev/null | head -n1 || true
}
mirror=$(mirror_for bookworm)
[ -n "$mirror" ] || cannot "no bookworm source in /etc/apt/sources.list{,.d}: which Debian mirror to use?"
cache="$build/test-root"
tarball="$cache/bookworm-minbase-systemd.tar.gz"
mkdir -p "$cache/archives"
root=$(mktemp -d /tmp/kiosk-test-root.XXXXXX)
cleanup() {
  for m in dev/pts dev proc; do mountpoint -q "$root/$m" 2>/dev/null && umount -l "$root/$m"; done
  rm -rf --one-file-system "$root"
}
trap cleanup EXIT
if [ -f "$tarball" ]; then
  step "clean root from the cache $tarball"
  tar -C "$root" -xzf "$tarball"
else
  # minbase and systemd as init, as every Debian 12 install has it: the unit is verified
  # against the root's own systemd units (sysinit.target, graphical.target...).
  step "debootstrap --variant=minbase --include=systemd-sysv bookworm from $mirror (the first time only: minutes)"
  debootstrap --variant=minbase --include=systemd-sysv bookworm "$root" "$mirror" > "$cache/debootstrap.log" 2>&1 ||
    { tail -n 20 "$cache/debootstrap.log" >&2; cannot "debootstrap failed (log: $cache/debootstrap.log)"; }
  # A fresh Debian 12 has its updates and security suites too, as this machine does.
  for suite in bookworm-updates bookworm-security; do
    m=$(mirror_for "$suite")
    [ -n "$m" ] && echo "deb $m $suite main" >> "$root/etc/apt/sources.list"
  done
  rm -rf "$root/var/cache/apt/archives/"*.deb
  tar -C "$root" -czf "$tarball.part" . && mv "$tarball.part" "$tarball"
  step "cached the clean root ($(du -h "$tarball" | cut -f1))"
fi
chmod 0755 "$root"  # its /: the kiosk user must get in (mktemp, and so the tarball, made it 0700)
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
cp -L /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"; }

# 4. apt-get install ./kiosk_*.deb: the Depends come from the mirror (downloads kept for next time).
step "apt-get install ./$(basename "$deb") in the clean root"
in_root dpkg -s kiosk >/dev/null 2>&1 && fail "the clean root already has kiosk"
cp "$deb" "$root/tmp/"
find "$cache/archives" -name '*.deb' -exec cp {} "$root/var/cache/apt/archives/" \;
in_root apt-get update -q > "$cache/apt.log" 2>&1 || { cat "$cache/apt.log" >&2; cannot "apt-get update in the root failed"; }
if ! in_root apt-get install -y -q --no-install-recommends "/tmp/$(basename "$deb")" >> "$cache/apt.log" 2>&1; then
  tail -n 30 "$cache/apt.log" >&2
  fail "apt-get install of the package failed in a clean Debian 12 (log: $cache/apt.log)"
fi
find "$root/var/cache/apt/archives" -maxdepth 1 -name '*.deb' -exec cp -n {} "$cache/archives/" \;
in_root dpkg -s kiosk | grep -q '^Status: install ok installed' || fail "dpkg does not list kiosk as installed"
in_root getent passwd kiosk >/dev/null || fail "postinst did not create the kiosk user"
# The configuration may hold the PIN's hash and tokens: root and the kiosk's group only.
mode=$(in_root stat -c '%a %U:%G' /etc/kiosk/kiosk.jsonc)
[ "$mode" = "640 root:kiosk" ] || fail "/etc/kiosk/kiosk.jsonc is $mode, expected 640 root:kiosk"
echo "config mode $mode"
echo "installed with $(grep -c '^Setting up' "$cache/apt.log") packages set up"

# 5. The installed kiosk, as the unit runs it: kiosk user, systemd's cache and state
# directories, the installed config, content and fonts (fontconfig); the source tree hidden.
step "headless render by /usr/bin/kiosk in the root"
in_root /usr/bin/kiosk --version | grep -q "^kiosk " || fail "kiosk --version"
in_root /usr/bin/kiosk --help | grep -q "default: /etc/kiosk/kiosk.jsonc" || fail "--help does not name /etc/kiosk/kiosk.jsonc"
in_root /usr/bin/kiosk-feed validate /usr/share/kiosk/content >/dev/null || fail "the installed content does not validate"
in_root install -d -o kiosk -g kiosk /var/cache/kiosk /var/lib/kiosk /tmp/out
log=$(chroot --userspec=kiosk:kiosk "$root" env -i PATH=/usr/bin:/bin HOME=/var/lib/kiosk LANG=C.UTF-8 \
  CACHE_DIRECTORY=/var/cache/kiosk STATE_DIRECTORY=/var/lib/kiosk SDL_VIDEODRIVER=dummy \
  /usr/bin/kiosk --headless --screenshot /tmp/out/shot.png --now 2027-10-20T14:30 2>&1) ||
  { echo "$log" >&2; fail "headless render"; }
echo "$log" | grep -q "content /usr/share/kiosk/content:" || { echo "$log" >&2; fail "did not use the installed content"; }
echo "$log" | grep -q "$here" && { echo "$log" >&2; fail "the installed kiosk used the source tree"; }
# The technician's self-test (docs/install.md), as the kiosk user: config, fonts, content, cache.
check=$(chroot --userspec=kiosk:kiosk "$root" env -i PATH=/usr/bin:/bin HOME=/var/lib/kiosk LANG=C.UTF-8 \
  CACHE_DIRECTORY=/var/cache/kiosk STATE_DIRECTORY=/var/lib/kiosk SDL_VIDEODRIVER=dummy /usr/bin/kiosk --check 2>&1) ||
  { echo "$check" >&2; fail "kiosk --check in the clean root"; }
for want in "ok    config    /etc/kiosk/kiosk.jsonc" "ok    fonts     /usr/share/fonts/" "ok    cache     /var/cache/kiosk is writable" \
            "ok    content   /usr/share/kiosk/content"; do
  echo "$check" | grep -qF "$want" || { echo "$check" >&2; fail "kiosk --check lacks: $want"; }
done
echo "kiosk --check: $(echo "$check" | grep -c '^ok') ok, $(echo "$check" | grep -c '^warn') warnings"
shot="$root/tmp/out/shot.png"
[ -f "$shot" ] || fail "no screenshot written"
# Not blank: many colours and a real spread of brightness (text on a background).
stats=$(/usr/bin/python3 - "$shot" <<'PY'
import sys
from PIL import Image, ImageStat
im = Image.open(sys.argv[1]).convert("RGB")
colours = len(im.getcolors(1 << 24))
print(im.size[0], im.size[1], colours, int(ImageStat.Stat(im.convert("L")).stddev[0]))
PY
) || fail "the screenshot is not a readable PNG"
read -r w h colours spread <<< "$stats"
[ "$colours" -ge 50 ] && [ "$spread" -ge 10 ] || fail "the screenshot looks blank: ${w}x$h, $colours colours, brightness spread $spread"
cp "$shot" "$cache/installed-shot.png"
echo "rendered ${w}x$h, $colours colours, brightness spread $spread (copy: $cache/installed-shot.png)"

# 6. Man pages render without groff warnings; the installed unit verifies.
step "man pages and the unit"
for page in kiosk kiosk-feed kiosk-session; do
  f="$root/usr/share/man/man1/$page.1.gz"
  err=$(MANWIDTH=80 man --warnings -l "$f" 2>&1 >/dev/null) || fail "man $page does not render"
  [ -z "$err" ] || { echo "$err" >&2; fail "man $page: groff warnings"; }
  MANWIDTH=80 man -l "$f" 2>/dev/null | grep -q -- "--help" || fail "man $page lacks the options"
done
unit="$root/lib/systemd/system/kiosk.service"
out=$(SYSTEMD_LOG_LEVEL=notice systemd-analyze verify --man=no --root="$root" /lib/systemd/system/kiosk.service 2>&1) ||
  { echo "$out" >&2; fail "systemd-analyze verify"; }
echo "$out" | grep -q kiosk.service && { echo "$out" >&2; fail "systemd-analyze warns about the unit"; }
grep -q '^ExecStart=/usr/bin/kiosk-session' "$unit" || fail "the unit does not start /usr/bin/kiosk-session"
# 7. systemd itself in the root: systemctl start kiosk, and the watchdog restarting a hung loop.
step "systemd in the root: systemctl start kiosk, then a hung loop"
bash "$here/tests/supervision/systemd_in_root.sh" "$root" || fail "the kiosk under systemd"
step "all checks passed for $(basename "$deb")"
