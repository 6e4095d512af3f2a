-- The summary line every wrk script of the benchmark prints (read by scripts/bench.sh): loaded by wrk-paths.lua and
-- wrk-survey.lua with dofile, from the folder they are in.
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"kind":"wrk","requests":%d,"seconds":%.2f,"rps":%.1f,"errors":%d,"non2xx":%d,"p50_ms":%.2f,"p99_ms":%.2f,"max_ms":%.2f}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
