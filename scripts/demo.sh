#!/usr/bin/env bash
# The main job on the bundled example articles: build, import examples/ into an embedded store,
# start the API on 127.0.0.1, and print a first answer: who said what about cybersecurity, and
# when. The store is kept in ./demo-store; the server is stopped at the end unless
# TKG_DEMO_KEEP_SERVING=1.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
build="${TKG_BUILD_DIR:-$here/build}"
store="${TKG_DEMO_STORE:-$here/demo-store}"
port="${TKG_DEMO_PORT:-8080}"
bash "$here/scripts/build.sh" --target tkg
tkg="$build/tkg"

echo "== importing examples/ into $store" >&2
# Articles with their own header go in as they are; the few without one (noheader-*) get their
# publication date and outlet from examples/noheader.tsv.
headered=()
for f in "$here"/examples/*.txt; do
  case "$(basename "$f")" in noheader-*) ;; *) headered+=("$f") ;; esac
done
"$tkg" import --db "$store" --quiet "${headered[@]}"
tail -n +2 "$here/examples/noheader.tsv" | while IFS=$'\t' read -r file published outlet; do
  "$tkg" import --db "$store" --quiet --published "$published" --outlet "$outlet" "$here/examples/$file"
done

# Take the next free port from $port upwards.
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
"$tkg" serve --db "$store" --bind 127.0.0.1 --port "$port" &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
  sleep 0.1
done

echo "== who said what about cybersecurity, and when:" >&2
echo "   GET http://127.0.0.1:$port/v1/statements?topic=cybersecurity" >&2
curl -fsS "http://127.0.0.1:$port/v1/statements?topic=cybersecurity&limit=100" |
  python3 -c '
import json, sys
for s in json.load(sys.stdin)["statements"]:
    print("%-10s %-28s %-12s %s" % (s.get("date") or "(undated)", s["speaker"]["name"][:28],
          s["cue"][:12], s["text"][:110]))
    print("%-10s   in %s, %s" % ("", s["article"]["outlet"], s["article"]["headline"][:90]))
'
if [ "${TKG_DEMO_KEEP_SERVING:-0}" = "1" ]; then
  echo "== serving on http://127.0.0.1:$port (Ctrl-C stops)" >&2
  trap - EXIT
  wait $server
fi
