-- wrk script for bench/run.sh: POST one XML body to the create endpoint with the headers the
-- mock requires (Content-Type application/xml, Basic credentials), then print one
-- machine-readable BENCH_RESULT line (latencies in microseconds).
-- Environment: BENCH_BODY (file, required), BENCH_PATH (default /accounts/9900000/disconnects).
local body_file = assert(os.getenv("BENCH_BODY"), "BENCH_BODY is not set")
local f = assert(io.open(body_file, "rb"))
local body = f:read("*a")
f:close()

wrk.method = "POST"
wrk.path = os.getenv("BENCH_PATH") or "/accounts/9900000/disconnects"
wrk.body = body
wrk.headers["Content-Type"] = "application/xml"
wrk.headers["Authorization"] = "Basic dXNlcjpzZWNyZXQ=" -- user:secret

function done(summary, latency, requests)
  local secs = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "BENCH_RESULT requests=%d duration_s=%.3f rps=%.1f p50_us=%d p90_us=%d p99_us=%d max_us=%d " ..
    "err_connect=%d err_read=%d err_write=%d err_status=%d err_timeout=%d\n",
    summary.requests, secs, summary.requests / secs,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    e.connect, e.read, e.write, e.status, e.timeout))
end
