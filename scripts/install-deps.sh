#!/usr/bin/env bash
# Installs every Debian 12 package the kiosk needs to build, run and be tested.
# Idempotent: packages already present are left alone. Used by the README and .ci/run.
set -euo pipefail

usage() {
  cat <<TXT
usage: scripts/install-deps.sh [--runtime-only] [--help]
  Installs the Debian 12 packages needed to build the kiosk and run its tests
  (uses sudo when not run as root).
  --runtime-only   only what the built kiosk needs to run (no compilers, no test tools)
TXT
}

runtime_only=0
for arg in "$@"; do
  case $arg in
    --runtime-only) runtime_only=1 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "install-deps: unknown option '$arg'" >&2; usage >&2; exit 2 ;;
  esac
done

runtime=(
  libsdl2-2.0-0 libcurl4 libsodium23 libqrencode4 tzdata fonts-dejavu-core espeak-ng libsqlite3-0 libcairo2
  libfontconfig1 libsystemd0
)
build=(
  build-essential cmake pkg-config libpugixml-dev libical-dev libcsv-dev
  clang zlib1g-dev
  libsdl2-dev libimgui-dev libcurl4-openssl-dev libssl-dev libstb-dev libsodium-dev libqrencode-dev
  nlohmann-json3-dev libhowardhinnant-date-dev libcli11-dev catch2 libsqlite3-dev libcairo2-dev
  libfontconfig-dev libsystemd-dev help2man
)
test_tools=(
  tesseract-ocr tesseract-ocr-fra zbar-tools xvfb xdotool imagemagick nginx-light
  python3 python3-pil ca-certificates poppler-utils minisign
  lintian python3-prometheus-client openssl
)
# programme importers (issue 11): XML, iCalendar, CSV; JSON Schema checks in the tests
runtime+=(libpugixml1v5 libical3 libcsv3)
test_tools+=(python3-jsonschema)
# the .deb installed into a clean Debian 12 root (scripts/test-package.sh, issue 13)
test_tools+=(debootstrap)
# CI checks (scripts/ci-extra.sh): formatting, clang-tidy, libFuzzer and clang's sanitizer
# runtimes (libclang-rt-dev is only a recommendation of clang, which we do not install)
build+=(clang-format clang-tidy libclang-rt-dev)

if [ "$runtime_only" = 1 ]; then wanted=("${runtime[@]}"); else wanted=("${runtime[@]}" "${build[@]}" "${test_tools[@]}"); fi

missing=()
for p in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#wanted[@]} packages already installed"
  exit 0
fi

sudo=""
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: run as root or install sudo" >&2; exit 1; }
  sudo=sudo
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
