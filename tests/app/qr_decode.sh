#!/usr/bin/env bash
# The QR codes the kiosk draws decode back to the links they stand for (zbarimg), at
# every reference screen, and are at least 45 mm wide there: a session's registration
# link and a demo's link.
# usage: qr_decode.sh KIOSK SOURCE_DIR
. "$(dirname "$0")/lib.sh"
kiosk=$1 src=$2
command -v zbarimg >/dev/null || { echo "FAIL zbarimg is not installed (scripts/install-deps.sh installs it)"; exit 1; }

link_of() {  # link_of FILE ID KEY...: the URL of an item in a feed document
  "$PY" - "$src/content/$1" "$2" "$3" <<'PYEOF'
import json, sys
path, wanted, kind = sys.argv[1], sys.argv[2], sys.argv[3]
doc = json.load(open(path, encoding="utf-8"))
for item in doc[kind]:
    if item["id"] == wanted:
        print(item["registration"]["url"] if kind == "sessions" else item["link"])
PYEOF
}

session=table-ronde-inclusion-rurale
demo=casque-visite-virtuelle
session_url=$(link_of sessions.json $session sessions)
demo_url=$(link_of demos.json $demo demos)
[ -n "$session_url" ] && [ -n "$demo_url" ] || { echo "FAIL could not read the links from the bundled feed"; exit 1; }

# 21 October 10:00: no urgent announcement is valid then. (With one, its band pushes the
# tablet's QR code below the fold, where the visitor scrolls to it.)
for cfg in kiosk.jsonc totem-55.jsonc tablet-10.jsonc; do
  for what in "session:$session $session_url" "demo:$demo $demo_url"; do
    set -- $what
    out="$TMP/${cfg%.jsonc}-${1%%:*}.png"
    if ! "$kiosk" --headless --config "$src/config/$cfg" --screen "$1" --now 2027-10-21T10:00 --screenshot "$out" 2>"$TMP/log"; then
      fail "render $1 with $cfg"; cat "$TMP/log"; continue
    fi
    got=$(zbarimg --quiet --raw "$out" 2>/dev/null)
    if [ "$got" = "$2" ]; then pass "$1 on ${cfg%.jsonc}: QR decodes to $2"; else fail "$1 on ${cfg%.jsonc}: QR decoded to «$got», expected $2"; fi
    # At least 45 mm of modules (ui/visuals.hpp kQrMinMm), measured on the picture.
    diag=$(sed -n 's/.*"diagonal_inches": *\([0-9.]*\).*/\1/p' "$src/config/$cfg" | head -1)
    mm=$("$PY" "$(dirname "$0")/qr_width.py" "$out" "${diag:-43}")
    if "$PY" -c "import sys; sys.exit(0 if float('$mm') >= 45 else 1)" 2>/dev/null; then pass "$1 on ${cfg%.jsonc}: QR is $mm mm wide"
    else fail "$1 on ${cfg%.jsonc}: QR is «$mm» mm wide, expected at least 45"; fi
  done
done
finish
