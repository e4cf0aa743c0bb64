#!/usr/bin/env bash
# Checks that the project's C and C++ sources match the committed .clang-format
# (clang-format 14, Debian 12); --fix formats them in place instead. The ImGui SDL renderer
# backend copied from Dear ImGui keeps its upstream formatting and is left out.
set -euo pipefail

usage() {
  cat <<TXT
usage: scripts/check-format.sh [--fix] [--help]
  Without options: lists every file clang-format would change and fails.
  --fix   formats those files in place (one commit for the whole tree).
  Exit codes: 0 every file formatted, 1 some file is not, 2 bad usage or no clang-format.
TXT
}
fix=0
case "${1:-}" in
  "") ;;
  --fix) fix=1 ;;
  -h|--help) usage; exit 0 ;;
  *) echo "check-format: unknown option '$1'" >&2; usage >&2; exit 2 ;;
esac
cd "$(dirname "$0")/.."
command -v clang-format >/dev/null || { echo "check-format: clang-format missing (scripts/install-deps.sh)" >&2; exit 2; }

# The files git tracks (a clean clone in CI); outside git, the same folders on disk.
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  mapfile -t files < <(git ls-files -- '*.cpp' '*.hpp' '*.h' '*.c' '*.cc' \
    ':!:kiosk/platform/imgui_impl_sdlrenderer.*')
else
  mapfile -t files < <(find kiosk tests \( -name '*.cpp' -o -name '*.hpp' -o -name '*.h' -o -name '*.c' -o -name '*.cc' \) \
    ! -name 'imgui_impl_sdlrenderer.*' | sort)
fi
[ ${#files[@]} -gt 0 ] || { echo "check-format: no source file found" >&2; exit 2; }

if [ "$fix" = 1 ]; then
  printf '%s\0' "${files[@]}" | xargs -0 -n 20 -P "$(nproc)" clang-format -i --style=file
  echo "check-format: formatted ${#files[@]} files"
  exit 0
fi

bad=()
for f in "${files[@]}"; do
  clang-format --dry-run -Werror --style=file "$f" >/dev/null 2>&1 || bad+=("$f")
done
if [ ${#bad[@]} -gt 0 ]; then
  printf '  %s\n' "${bad[@]}" >&2
  echo "check-format: ${#bad[@]} of ${#files[@]} files do not match .clang-format; run scripts/check-format.sh --fix" >&2
  exit 1
fi
echo "check-format: ${#files[@]} files match .clang-format"
