#!/usr/bin/env bash
# The README's first command: install what is needed (Debian 12, sudo when not root),
# build, and run the kiosk on the bundled content. Arguments go to the kiosk.
set -euo pipefail
case "${1:-}" in
  -h|--help)
    echo "usage: scripts/run.sh [KIOSK-OPTIONS...]"
    echo "  Installs the Debian packages, builds the kiosk in build/ and starts it full screen"
    echo "  on the bundled event. Try: scripts/run.sh --windowed --now 2027-10-20T14:30"
    echo "  Quit: Ctrl+Alt+Q, then the staff PIN (set one with kiosk pin), then Exit. All kiosk options: build/kiosk/kiosk --help"
    exit 0 ;;
esac
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build >/dev/null
cmake --build build -j"$(nproc)" --target kiosk kiosk-feed
exec build/kiosk/kiosk "$@"
