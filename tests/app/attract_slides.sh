#!/usr/bin/env bash
# The attract loop slide by slide, as `--screen attract:N` renders it at the three
# reference screens: every slide renders, each one differs from the others, the slides
# show the content's pictures, and before the opening a countdown slide counts days, then
# hours. usage: attract_slides.sh KIOSK SOURCE_DIR
. "$(dirname "$0")/lib.sh"
kiosk=$1 src=$2
content=$src/content

# render CFG NOW N: attract slide N into $TMP/<cfg>-<now>-<N>.png and its texts
render() {
  local cfg=$1 now=$2 n=$3 out="$TMP/${1%.jsonc}-${2//:/}-$3"
  if "$kiosk" --headless --config "$src/config/$cfg" --content "$content" --screen "attract:$n" --now "$now" \
      --screenshot "$out.png" --texts "$out.txt" >"$out.log" 2>&1; then
    echo "$out"
  else
    fail "attract:$n with $cfg at $now"; sed 's/^/     | /' "$out.log" | head -10
  fi
}

# distinct CFG NOW COUNT: slides 0..COUNT-1 all render and no two are the same picture
distinct() {
  local cfg=$1 now=$2 count=$3 sums="" n
  for ((n = 0; n < count; n++)); do
    out=$(render "$cfg" "$now" "$n") || continue
    [ -n "$out" ] || continue
    sums+="$(md5sum < "$out.png" | cut -c1-32) $n"$'\n'
  done
  local unique
  unique=$(printf '%s' "$sums" | cut -d' ' -f1 | sort -u | wc -l)
  if [ "$unique" = "$count" ]; then pass "${cfg%.jsonc} at $now: $count slides, all different"
  else fail "${cfg%.jsonc} at $now: $unique different pictures for $count slides"; printf '%s' "$sums"; fi
}

during=2027-10-21T10:00
before=2027-10-10T10:00
for cfg in kiosk.jsonc totem-55.jsonc tablet-10.jsonc; do
  distinct $cfg $during 5   # welcome, now and next, demos, map, announcements
  distinct $cfg $before 4   # welcome, countdown, demos, map
done

# The countdown: days ten days ahead, hours the day before.
out=$(render kiosk.jsonc $before 1)
if grep -qF "jours avant l’ouverture" "$out.txt"; then pass "countdown in days before the opening"
else fail "countdown slide lacks «jours avant l’ouverture»"; sed 's/^/     | /' "$out.txt" | head; fi
out=$(render kiosk.jsonc 2027-10-17T20:00 1)
if grep -qF "heures avant l’ouverture" "$out.txt"; then pass "countdown in hours the day before"
else fail "countdown slide lacks «heures avant l’ouverture»"; sed 's/^/     | /' "$out.txt" | head; fi
# During the event there is no countdown slide.
for n in 0 1 2 3 4; do
  out=$(render kiosk.jsonc $during $n)
  if grep -qF "avant l’ouverture" "$out.txt"; then fail "slide $n counts down during the event"; fi
done
pass "no countdown during the event"
finish
