#!/usr/bin/env bash
# Proves `./billingnow dev` starts from a clean checkout and answers: waits for the welcome banner, then calls the
# admin console with the printed operator token, the API with a printed tenant key, and the web app's sign-in page.
# Bounded in time; always stops the server it started. Every failure says which step failed and shows the server log.
set -euo pipefail
cd "$(dirname "$0")/../.."

log=$(mktemp)
./billingnow dev >"$log" 2>&1 &
pid=$!
stop() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -f "$log"; }
trap stop EXIT
fail() { echo "dev smoke: $*"; echo "--- last lines of the server's output:"; tail -n 60 "$log"; exit 1; }
trap 'fail "unexpected error at line $LINENO"' ERR

# The banner is printed in one write once everything is up; its last line is the curl example.
for _ in $(seq 1 240); do
  grep -q 'Try: curl' "$log" && break
  kill -0 "$pid" 2>/dev/null || fail "the server exited early"
  sleep 1
done
grep -q 'Try: curl' "$log" || fail "no welcome banner within 240 s"

base=$(sed -n 's/^  API: *\(.*\)\/v1$/\1/p' "$log" | sed -n 1p)
operator=$(grep -m 1 -o 'bno_[A-Za-z0-9_-]*' "$log" || true)
key=$(grep -m 1 -o 'bnk_[A-Za-z0-9_-]*' "$log" || true)
[ -n "$base" ] || fail "the banner names no API address"
[ -n "$operator" ] || fail "the banner shows no operator token"

# status URL [curl options...]: the HTTP status, or 000 when nothing answered (never aborts the script).
status() {
  local url=$1; shift
  curl -s -o /dev/null -w '%{http_code}' --max-time 10 -k "$@" "$url" || true
}
code=$(status "$base/admin/v1/tenants" -H "Authorization: Bearer $operator")
[ "$code" = 200 ] || fail "admin console answered $code"
if [ -n "$key" ]; then
  code=$(status "$base/v1/customers" -H "Authorization: Bearer $key")
  [ "$code" = 200 ] || fail "tenant API answered $code"
fi
# The web app: the site root is the sign-in page, with the dev login in dev mode.
page=$(curl -s --max-time 10 -k -H 'Accept: text/html' "$base/" || true)
grep -q 'action="/auth/dev/login"' <<<"$page" || fail "no sign-in page at $base/"
echo "dev smoke: ./billingnow dev started and answered (admin 200${key:+, tenant API 200}, web sign-in page)"
