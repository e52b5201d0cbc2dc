-- Shared by the wrk scripts: one machine-readable line at the end of a run.
function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local s = summary.errors
  io.write(string.format("RESULT rps=%.1f p50=%.2f p95=%.2f p99=%.2f requests=%d non2xx=%d errors=%d\n",
    summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, summary.requests, s.status, s.connect + s.read + s.write + s.timeout))
end
