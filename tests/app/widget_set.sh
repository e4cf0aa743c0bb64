#!/usr/bin/env bash
# Every control goes through the kiosk's own widget set (sizes, focus, speech and
# contrast are handled there): no screen may call a raw ImGui button or selectable.
# usage: widget_set.sh SOURCE_DIR
. "$(dirname "$0")/lib.sh"
src=$1
pattern='ImGui::(Button|SmallButton|Selectable|InvisibleButton|Checkbox|RadioButton|ImageButton|ArrowButton|Combo|SliderFloat|SliderInt|InputText)\('
hits=$(grep -rnE "$pattern" "$src/kiosk" --include='*.cpp' --include='*.hpp' | grep -v "kiosk/ui/widgets.cpp")
if [ -z "$hits" ]; then pass "no raw ImGui control outside kiosk/ui/widgets.cpp"; else fail "raw ImGui controls outside the widget set:"; echo "$hits" | sed 's/^/     | /'; fi
# The check itself must be able to fail: a planted call is found.
probe="$TMP/probe.cpp"
echo 'void f() { ImGui::Button("x"); }' > "$probe"
if grep -qE "$pattern" "$probe"; then pass "the check finds a planted ImGui::Button"; else fail "the check misses a planted ImGui::Button"; fi
finish
