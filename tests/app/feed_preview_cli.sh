#!/usr/bin/env bash
# kiosk-feed preview: a feed imported from OpenAgenda, every screen written as a PNG of
# the asked size at the asked moment, by the kiosk program run headless.
# usage: feed_preview_cli.sh KIOSK_FEED KIOSK DATA_DIR
. "$(dirname "$0")/lib.sh"
feed=$1 kiosk=$2 data=$3

expect_code 0 "preview --help" -- "$feed" preview --help
f="$TMP/feed"
expect_code 0 "init" -- "$feed" init "$f" --start 2027-10-18 --end 2027-10-31
expect_code 3 "import (one event without timing is left out: exit 3)" -- "$feed" import openagenda "$data/openagenda-events.json" --into "$f"
# Not built since the import (issue 20): previewed from a built copy, the folder left as it is.
before=$(cd "$f" && find . -type f -exec sha256sum {} + | sort)
expect_code 0 "preview every screen at 1280x800 before any build" -- "$feed" preview "$f" --at 2027-10-20T14:00 --size 1280x800 --out "$TMP/png" --kiosk "$kiosk"
expect_output "9/9 screens written" "every screen written"
expect_output "previewing a built copy" "the preview says it built a copy"
expect_output "screen demo skipped: the feed has no such item" "screens about items the feed lacks are skipped, with a word"
[ "$(cd "$f" && find . -type f -exec sha256sum {} + | sort)" = "$before" ] && pass "preview leaves the staff's folder as it was" || fail "preview changed $f"
expect_code 0 "build" -- "$feed" build "$f"
for s in home programme session attract; do
  size=$("$PY" -c 'import struct,sys; b=open(sys.argv[1],"rb").read(24); print("%dx%d" % struct.unpack(">II", b[16:24]) if b[:8]==b"\x89PNG\r\n\x1a\n" else "not a PNG")' "$TMP/png/$s-1280x800.png" 2>&1)
  [ "$size" = 1280x800 ] && pass "$s is a 1280x800 PNG" || fail "$s: $size"
done
expect_code 2 "a bad size is a usage error" -- "$feed" preview "$f" --at 2027-10-20T14:00 --size big --out "$TMP/png" --kiosk "$kiosk"
expect_code 2 "no kiosk program is a usage error" -- "$feed" preview "$f" --at 2027-10-20T14:00 --out "$TMP/png" --kiosk "$TMP/no-such-kiosk"
finish
