#!/usr/bin/env bash
# Proves `./billingnow dev` starts from a clean checkout and answers: waits for the welcome banner, then calls the
# admin console with the printed operator token and the API with a printed tenant key. Bounded in time; always stops
# the server it started.
set -euo pipefail
cd "$(dirname "$0")/../.."

log=$(mktemp)
./billingnow dev >"$log" 2>&1 &
pid=$!
stop() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -f "$log"; }
trap stop EXIT

for _ in $(seq 1 180); do
  grep -q 'BillingNow is running' "$log" && break
  kill -0 "$pid" 2>/dev/null || { echo "dev smoke: the server exited early"; tail -50 "$log"; exit 1; }
  sleep 1
done
grep -q 'BillingNow is running' "$log" || { echo "dev smoke: no banner within 180 s"; tail -50 "$log"; exit 1; }

base=$(sed -n 's/^  API: *\(.*\)\/v1$/\1/p' "$log" | head -n 1)
operator=$(grep -o 'bno_[A-Za-z0-9_-]*' "$log" | head -n 1)
curl_opts=(-s -o /dev/null -w '%{http_code}' --max-time 10 -k)
status=$(curl "${curl_opts[@]}" -H "Authorization: Bearer $operator" "$base/admin/v1/tenants")
[ "$status" = 200 ] || { echo "dev smoke: admin console answered $status"; tail -50 "$log"; exit 1; }
key=$(grep -o 'bnk_[A-Za-z0-9_-]*' "$log" | head -n 1 || true)
if [ -n "$key" ]; then
  status=$(curl "${curl_opts[@]}" -H "Authorization: Bearer $key" "$base/v1/customers")
  [ "$status" = 200 ] || { echo "dev smoke: tenant API answered $status"; tail -50 "$log"; exit 1; }
fi
# The web app: the site root is the sign-in page, with the dev login in dev mode.
page=$(curl -s --max-time 10 -k -H 'Accept: text/html' "$base/")
grep -q 'action="/auth/dev/login"' <<<"$page" || { echo "dev smoke: no sign-in page at $base/"; tail -50 "$log"; exit 1; }
echo "dev smoke: ./billingnow dev started and answered (admin 200${key:+, tenant API 200}, web sign-in page)"
