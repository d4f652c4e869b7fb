-- GET /api/signals with a bearer token; each connection waits TTH_BENCH_DELAY_MS between requests, so
-- connections x 1000 / (delay + latency) sets the offered rate (Debian's wrk has no -R).
local token = os.getenv("TTH_BENCH_TOKEN")
local pause = tonumber(os.getenv("TTH_BENCH_DELAY_MS") or "0")
wrk.method = "GET"
wrk.path = "/api/signals?limit=50"
wrk.headers["Authorization"] = "Bearer " .. token

if pause > 0 then
  function delay()
    return pause
  end
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d rate=%.0f/s p50=%.2fms p90=%.2fms p99=%.2fms p99.9=%.2fms max=%.2fms "
    .. "non2xx=%d socket_errors=%d\n", summary.requests, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, latency.max / 1000, summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
