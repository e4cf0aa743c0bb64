# Shared helpers for the script tests: temporary folders cleaned on exit, and checks
# that print what was expected and what came out before failing.
set -u
# tesseract's OpenMP threads only fight the other tests for the cores: one thread each.
export OMP_THREAD_LIMIT=1
TMP=$(mktemp -d "${TMPDIR:-/tmp}/kiosk-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
failures=0
checks=0

pass() { checks=$((checks + 1)); echo "ok   $*"; }
fail() { checks=$((checks + 1)); failures=$((failures + 1)); echo "FAIL $*"; }

# expect_code WANT DESCRIPTION -- COMMAND...: runs COMMAND, output in $TMP/out
expect_code() {
  local want=$1 what=$2; shift 3
  "$@" >"$TMP/out" 2>&1
  local got=$?
  if [ "$got" = "$want" ]; then pass "$what (exit $got)"; else fail "$what: expected exit $want, got $got"; sed 's/^/     | /' "$TMP/out" | head -20; fi
}

# expect_output TEXT DESCRIPTION: the last command's output contains TEXT (fixed string)
expect_output() {
  if grep -qF -- "$1" "$TMP/out"; then pass "$2"; else fail "$2: output lacks: $1"; sed 's/^/     | /' "$TMP/out" | head -20; fi
}

finish() {
  echo "$((checks - failures)) passed, $failures failed"
  [ "$checks" -gt 0 ] || { echo "FAIL no check ran: a test must check something"; return 1; }
  [ "$failures" = 0 ]
}

# A Python that can edit JSON (any python3 works: only the standard library is used).
PY=$(command -v python3 || echo /usr/bin/python3)
edit_json() {  # edit_json FILE PYTHON-EXPRESSION-ON-d
  "$PY" - "$1" "$2" <<'PYEOF'
import json, sys
path, expr = sys.argv[1], sys.argv[2]
with open(path, encoding="utf-8") as f:
    d = json.load(f)
exec(expr)
with open(path, "w", encoding="utf-8") as f:
    json.dump(d, f, ensure_ascii=False, indent=2)
PYEOF
}

# start_nginx ROOT [SERVER-LINES]: nginx on 127.0.0.1 serving ROOT (extra lines go inside
# its server block), stopped on exit; sets $port and $ngx. Logs in $TMP/nginx/.
start_nginx() {
  local root=$1 extra=${2:-}
  mkdir -p "$TMP/nginx"
  port=$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  cat > "$TMP/nginx/nginx.conf" <<CONF
worker_processes 1; daemon off; master_process off; pid $TMP/nginx/nginx.pid;
error_log $TMP/nginx/error.log;
events { worker_connections 32; }
http {
  access_log $TMP/nginx/access.log;
  client_body_temp_path $TMP/nginx/body; proxy_temp_path $TMP/nginx/proxy; fastcgi_temp_path $TMP/nginx/fcgi;
  uwsgi_temp_path $TMP/nginx/uwsgi; scgi_temp_path $TMP/nginx/scgi;
  types { application/json json; image/png png; image/jpeg jpg; }
  client_max_body_size 64m;
  server { listen 127.0.0.1:$port; root $root; $extra }
}
CONF
  nginx -p "$TMP/nginx" -e "$TMP/nginx/error.log" -c "$TMP/nginx/nginx.conf" & ngx=$!
  trap 'kill $ngx 2>/dev/null; rm -rf "$TMP"' EXIT
  for _ in $(seq 50); do "$PY" -c "import socket; socket.create_connection(('127.0.0.1', $port), 0.2)" 2>/dev/null && break; sleep 0.1; done
}
