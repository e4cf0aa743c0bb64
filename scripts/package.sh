#!/usr/bin/env bash
# Builds the kiosk's .deb with CPack (installed under /usr, config in /etc/kiosk) and
# checks it with lintian. Prints the package's path on the last line.
set -euo pipefail

usage() {
  cat <<TXT
usage: scripts/package.sh [--build-dir DIR] [--no-lintian] [--help]
  Configures a Release build with the /usr prefix in DIR (default build-deb), builds
  kiosk, kiosk-feed and the man pages, and makes kiosk_<version>_<arch>.deb there.
  lintian then checks it: exit 1 when it reports an error (warnings are printed).
  Exit codes: 0 built (and lintian-clean), 1 lintian errors, 2 bad usage or build failure.
TXT
}

here=$(cd "$(dirname "$0")/.." && pwd)
build="$here/build-deb"
lintian=1
while [ $# -gt 0 ]; do
  case $1 in
    --build-dir) build=$(realpath -m "$2"); shift 2 ;;
    --no-lintian) lintian=0; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "package: unknown option '$1'" >&2; usage >&2; exit 2 ;;
  esac
done

launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache); fi
cmake -S "$here" -B "$build" -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX=/usr -DKIOSK_BUILD_TESTS=OFF \
  "${launcher[@]}" >/dev/null || exit 2
cmake --build "$build" -j"$(nproc)" --target kiosk kiosk-feed kiosk_man_pages >/dev/null || exit 2
(cd "$build" && cpack -G DEB >/dev/null) || { echo "package: cpack failed (see $build/_CPack_Packages)" >&2; exit 2; }
deb=$(ls -t "$build"/kiosk_*.deb | head -n1)
if [ "$lintian" = 1 ]; then
  if ! command -v lintian >/dev/null; then echo "package: lintian is not installed (apt-get install lintian)" >&2; exit 2; fi
  # Errors fail; warnings and info are shown for the maintainer to judge.
  out=$(lintian --tag-display-limit 0 "$deb" || true)
  [ -n "$out" ] && echo "$out" >&2
  if echo "$out" | grep -q '^E:'; then echo "package: lintian reports errors" >&2; exit 1; fi
fi
echo "$deb"
