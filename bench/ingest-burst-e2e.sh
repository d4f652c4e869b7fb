#!/usr/bin/env bash
# End-to-end burst through `./tth run --replay`: a burst of recorded-style items (the extraction table's real texts,
# 2,284 by default, one link each, in 8 RSS files), from the moment ingest fetched them to the moment digest stored
# the last one: articles/s = stored / (last digest.article.stored_at - first fetched_at), burst articles only.
# Two bursts per run, both reported:
#   cold: the stack's first poll at start-up, of 1,200 tweets from the shared training set (texts not in the table):
#         five JVMs start, load the model and compile their hot code while it flows;
#   warm: after the cold burst has drained, the same 8 feed files are rewritten with the burst and polled once
#         (POST /sources/poll): a burst arriving at a running stack, which is what a poll does in production.
# A timeline (bench/burst_timeline.py: a line a second of SQS queue depths, articles stored, CPU of each part) goes to
# $TTH_HOME/timeline.tsv; the CPU seconds each part and its busiest threads used during the warm burst are printed.
# Uses its own TTH_HOME (fresh database and queues) and stops the stack at the end. Needs the machine to itself:
# do not run it while other builds or benchmarks run. Usage: bench/ingest-burst-e2e.sh [ITEMS] [--model DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
ITEMS="${1:-2284}"; shift || true
export TTH_HOME="$(mktemp -d /tmp/tth-burst.XXXXXX)"
BURST="$TTH_HOME/burst"; mkdir -p "$BURST"
write_feeds() { # cold|warm
  python3 - "$1" "$ITEMS" "$BURST" <<'PY'
import sys, csv, html, datetime
kind, items, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
table = [l.split('\t', 3)[3].strip() for l in open('ingest-service/src/test/resources/extraction/cases.tsv', encoding='utf-8')
         if l.strip() and not l.startswith('#')]
if kind == 'warm':
    texts, host = table, 'burst.example.com'
else:
    seen = set(table)
    with open('e2e/src/test/resources/stream/twitter_financial_news_train.csv', encoding='utf-8') as f:
        texts = [r['text'] for r in csv.DictReader(f) if r['text'] not in seen][:1200]
    items, host = len(texts), 'cold.example.com'
now = datetime.datetime.now(datetime.timezone.utc)
files = 8
for f in range(files):
    rows = []
    for i in range(f, items, files):
        date = (now - datetime.timedelta(minutes=i)).strftime('%a, %d %b %Y %H:%M:%S +0000')
        rows.append(f'<item><title>{html.escape(texts[i % len(texts)])}</title>'
                    f'<link>https://{host}/{f}/{i}</link><guid>{kind}-{i}</guid><pubDate>{date}</pubDate></item>')
    with open(f'{out}/burst-{f}.xml', 'w', encoding='utf-8') as w:
        w.write('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>burst</title>'
                + ''.join(rows) + '</channel></rss>\n')
PY
}
psql_q() { PGPASSWORD="${TTH_DB_PASSWORD:-postgres}" psql -h localhost -p "${TTH_DB_PORT:-5433}" -U postgres -d tth -Atc "$1"; }
settle() { # until digest has stopped growing for 15 s
  local last=-1 still=0 n
  while ((still < 15)); do
    n="$(psql_q 'SELECT count(*) FROM digest.article' 2>/dev/null || echo 0)"
    if [[ "$n" == "$last" ]]; then still=$((still + 1)); else still=0; last="$n"; fi
    sleep 1
  done
}
report() { # label host
  local published stored seconds
  published="$(psql_q "SELECT count(*) FROM ingest.published_article WHERE url LIKE 'https://$2/%'" 2>/dev/null || echo '?')"
  read -r stored seconds < <(psql_q "SELECT count(*), EXTRACT(EPOCH FROM max(stored_at) - min(fetched_at)) FROM digest.article WHERE url LIKE 'https://$2/%'" | tr '|' ' ')
  echo "$1 burst: ingest published $published, digest stored $stored in ${seconds} s" \
    "= $(python3 -c "print(round($stored / max($seconds, 0.001)))") articles/s end to end"
}
write_feeds cold
trap 'kill "$TL" 2>/dev/null || true; ./tth stop >/dev/null 2>&1 || true' EXIT
bench/burst_timeline.py "$TTH_HOME" "$TTH_HOME/warm-started" >"$TTH_HOME/timeline.tsv" & TL=$!
./tth run --replay "$BURST" "$@"
settle
echo "--- $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
report cold cold.example.com
touch "$TTH_HOME/warm-started"; sleep 1.5
write_feeds warm
curl -fsS -o /dev/null --max-time 120 -X POST -H "Authorization: Bearer $(cat "$TTH_HOME/secrets/service-token")" \
  "http://localhost:8081/sources/poll"
settle
report "warm (${ITEMS} items)" burst.example.com
kill "$TL"; wait "$TL" 2>/dev/null || true
grep '^#' "$TTH_HOME/timeline.tsv" | grep -v '^# mark' | sed 's/^# *//'
echo "timeline (a line a second): $TTH_HOME/timeline.tsv"
