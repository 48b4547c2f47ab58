-- wrk script for bench/run.sh: POST an XML create request with the headers the mock requires
-- (Content-Type application/xml, Basic credentials), then print one machine-readable
-- BENCH_RESULT line (latencies in microseconds).
--
-- Environment: BENCH_BODY (file, required), BENCH_PATH (default /accounts/9900000/disconnects),
-- BENCH_VARY (default 64). With BENCH_VARY=N > 1 every request carries one of N bodies that
-- differ only in the first telephone number (4158799000 + k, same length, still valid and unique
-- in the order), sent in turn, so a server cannot skip validation by remembering the last body it
-- validated. BENCH_VARY=1 sends the file's bytes unchanged.
local body_file = assert(os.getenv("BENCH_BODY"), "BENCH_BODY is not set")
local f = assert(io.open(body_file, "rb"))
local body = f:read("*a")
f:close()

local path = os.getenv("BENCH_PATH") or "/accounts/9900000/disconnects"
local vary = tonumber(os.getenv("BENCH_VARY") or "64") or 64

wrk.method = "POST"
wrk.path = path
wrk.body = body
wrk.headers["Content-Type"] = "application/xml"
wrk.headers["Authorization"] = "Basic dXNlcjpzZWNyZXQ=" -- user:secret

local requests = {}
local next_request = 1

function init(args)
  if vary <= 1 then
    return
  end
  local tag = body:find("<TelephoneNumber>", 1, true)
  local first, last = nil, nil
  if tag then
    first, last = body:find("%d%d%d%d%d%d%d%d%d%d", tag)
  end
  if not first then
    io.stderr:write("post.lua: no 10-digit TelephoneNumber to vary; sending the body unchanged\n")
    return
  end
  for k = 0, vary - 1 do
    local variant = body:sub(1, first - 1) .. string.format("4158799%03d", k % 1000) .. body:sub(last + 1)
    requests[#requests + 1] = wrk.format(nil, nil, nil, variant)
  end
  -- Threads start at different offsets so they do not send in lockstep.
  local seed = tonumber((tostring({}):match("0x(%x+)")) or "0", 16) or 0
  math.randomseed(seed % 2147483647)
  next_request = math.random(#requests)
end

if vary > 1 then
  request = function()
    if #requests == 0 then
      return wrk.format()
    end
    local r = requests[next_request]
    next_request = next_request % #requests + 1
    return r
  end
end

function done(summary, latency, requests_)
  local secs = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "BENCH_RESULT requests=%d duration_s=%.3f rps=%.1f p50_us=%d p90_us=%d p99_us=%d max_us=%d " ..
    "err_connect=%d err_read=%d err_write=%d err_status=%d err_timeout=%d\n",
    summary.requests, secs, summary.requests / secs,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    e.connect, e.read, e.write, e.status, e.timeout))
end
