#!/usr/bin/env python3
"""One line a second while a burst flows through the local stack: SQS queue depths (visible + in flight),
articles stored by digest, and the CPU (cores) each part used in that second, PostgreSQL's processes counted apart
from devstack's JVM (ElasticMQ, GreenMail, the feed server). Also prints, when stopped (SIGTERM), the CPU seconds
each part used since a 'mark' line was written to the marker file, and the busiest threads of each JVM.
Usage: burst_timeline.py TTH_HOME MARKER_FILE  (runs until killed; output on stdout)"""
import os, re, signal, subprocess, sys, time, urllib.request

home, marker = sys.argv[1], sys.argv[2]
hz = os.sysconf('SC_CLK_TCK')
parts = ['devstack', 'ingest-service', 'sentiment-service', 'digest-service']
sqs = 'http://localhost:%s/000000000000/' % os.environ.get('TTH_SQS_PORT', '9324')

def ticks(pid):
    with open(f'/proc/{pid}/stat') as f:
        s = f.read().rsplit(')', 1)[1].split()
    return int(s[11]) + int(s[12])

def pid_of(part):
    try:
        return int(open(f'{home}/pids/{part}.pid').read())
    except (OSError, ValueError):
        return None

def postgres_pids():
    out = []
    for p in os.listdir('/proc'):
        if p.isdigit():
            try:
                if open(f'/proc/{p}/comm').read().strip() in ('postgres', 'postmaster'):
                    out.append(int(p))
            except OSError:
                pass
    return out

def sample():
    cpu = {}
    for part in parts:
        pid = pid_of(part)
        try:
            cpu[part] = ticks(pid) if pid else 0
        except OSError:
            cpu[part] = 0
    pg = 0
    for p in postgres_pids():
        try:
            pg += ticks(p)
        except OSError:
            pass
    cpu['postgres'] = pg
    return cpu

def threads(pid):
    out = {}
    for t in os.listdir(f'/proc/{pid}/task'):
        try:
            name = open(f'/proc/{pid}/task/{t}/comm').read().strip()
            out[t] = (re.sub(r'[0-9]+', '#', name), ticks(f'{pid}/task/{t}'))
        except OSError:
            pass
    return out

def depth(queue):
    try:
        body = urllib.request.urlopen(sqs + queue + '?Action=GetQueueAttributes&AttributeName.1=ApproximateNumberOfMessages'
                                      '&AttributeName.2=ApproximateNumberOfMessagesNotVisible', timeout=2).read().decode()
        return str(sum(int(v) for v in re.findall(r'<Value>(\d+)</Value>', body)))
    except Exception:
        return '?'

def stored():
    try:
        return subprocess.run(['psql', '-h', 'localhost', '-p', os.environ.get('TTH_DB_PORT', '5433'), '-U', 'postgres',
                               '-d', 'tth', '-Atc', 'SELECT count(*) FROM digest.article'], capture_output=True, text=True,
                              env=dict(os.environ, PGPASSWORD=os.environ.get('TTH_DB_PASSWORD', 'postgres')),
                              timeout=5).stdout.strip() or '?'
    except Exception:
        return '?'

cols = parts[:1] + ['postgres'] + parts[1:]
print('time\tingested_q\tscored_q\tstored\t' + '\t'.join('cpu_' + c.replace('-service', '') for c in cols), flush=True)
prev, prev_t = sample(), time.monotonic()
mark = None

def summary(*_):
    if mark:
        cpu0, th0, t0 = mark
        now, dt = sample(), time.monotonic() - t0
        print(f'# since the mark ({dt:.1f} s): CPU seconds ' + ', '.join(f'{c} {(now[c] - cpu0[c]) / hz:.1f}' for c in cols), flush=True)
        for part, before in th0.items():
            pid = pid_of(part)
            try:
                after = threads(pid)
            except OSError:
                continue
            by = {}
            for t, (name, tk) in after.items():
                by[name] = by.get(name, 0) + tk - before.get(t, (name, 0))[1]
            top = sorted(by.items(), key=lambda kv: -kv[1])[:6]
            print(f'#   {part} threads: ' + ', '.join(f'{n} {v / hz:.1f}' for n, v in top if v > 0), flush=True)
    sys.exit(0)

signal.signal(signal.SIGTERM, summary)
while True:
    time.sleep(1)
    if mark is None and os.path.exists(marker):
        mark = (sample(), {p: threads(pid_of(p)) for p in parts if pid_of(p)}, time.monotonic())
        print('# mark', flush=True)
    now, t = sample(), time.monotonic()
    dt = t - prev_t
    print('\t'.join([time.strftime('%H:%M:%S'), depth('tth-articles-ingested'), depth('tth-articles-scored'), stored()]
                    + [f'{(now[c] - prev[c]) / hz / dt:.2f}' for c in cols]), flush=True)
    prev, prev_t = now, t
