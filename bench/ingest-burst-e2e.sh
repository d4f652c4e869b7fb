#!/usr/bin/env bash
# End-to-end burst: a burst of recorded-style items (the extraction table's real texts, 2,284 by default, one link
# each, in 8 RSS files) replayed through `./tth run --replay`, from the moment ingest fetched them to the moment
# digest stored the last one. Reports articles/s = stored / (last digest.article.stored_at - first fetched_at).
# Uses its own TTH_HOME (fresh database and queues) and stops the stack at the end. Needs the machine to itself:
# do not run it while other builds or benchmarks run. Usage: bench/ingest-burst-e2e.sh [ITEMS] [--model DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
ITEMS="${1:-2284}"; shift || true
export TTH_HOME="$(mktemp -d /tmp/tth-burst.XXXXXX)"
BURST="$TTH_HOME/burst"; mkdir -p "$BURST"
python3 - "$ITEMS" "$BURST" <<'PY'
import sys, html, datetime
items, out = int(sys.argv[1]), sys.argv[2]
texts = [l.split('\t', 3)[3].strip() for l in open('ingest-service/src/test/resources/extraction/cases.tsv', encoding='utf-8')
         if l.strip() and not l.startswith('#')]
now = datetime.datetime.now(datetime.timezone.utc)
files = 8
for f in range(files):
    rows = []
    for i in range(f, items, files):
        date = (now - datetime.timedelta(minutes=i)).strftime('%a, %d %b %Y %H:%M:%S +0000')
        rows.append(f'<item><title>{html.escape(texts[i % len(texts)])}</title>'
                    f'<link>https://burst.example.com/{f}/{i}</link><guid>burst-{i}</guid><pubDate>{date}</pubDate></item>')
    with open(f'{out}/burst-{f}.xml', 'w', encoding='utf-8') as w:
        w.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>burst</title>'
                + ''.join(rows) + '</channel></rss>\n')
PY
trap './tth stop >/dev/null 2>&1 || true' EXIT
./tth run --replay "$BURST" "$@"
psql_q() { PGPASSWORD="${TTH_DB_PASSWORD:-postgres}" psql -h localhost -p "${TTH_DB_PORT:-5433}" -U postgres -d tth -Atc "$1"; }
# ingest polls every source as it starts; wait until digest has stopped growing for 15 s
last=-1; still=0
while ((still < 15)); do
  n="$(psql_q 'SELECT count(*) FROM digest.article' 2>/dev/null || echo 0)"
  if [[ "$n" == "$last" ]]; then still=$((still + 1)); else still=0; last="$n"; fi
  sleep 1
done
published="$(psql_q 'SELECT count(*) FROM ingest.published_article')"
read -r stored seconds < <(psql_q "SELECT count(*), EXTRACT(EPOCH FROM max(stored_at) - min(fetched_at)) FROM digest.article" | tr '|' ' ')
echo "--- $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
echo "burst of $ITEMS items: ingest published $published, digest stored $stored in ${seconds} s" \
  "= $(python3 -c "print(round($stored / max($seconds, 0.001)))") articles/s end to end"
