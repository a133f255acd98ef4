-- wrk script for bench_web: each connection cycles through the paths in
-- bench_web's query list (one GET a line of the file named by the
-- PW_BENCH_PATHS environment variable), each thread starting at its own
-- place; counts non-2xx answers; prints the figures bench_web reads as
-- "BENCH name value" lines.
local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  paths = {}
  for line in io.lines(os.getenv("PW_BENCH_PATHS")) do
    if #line > 0 then table.insert(paths, line) end
  end
  next_path = (id * 97) % #paths
  non2xx = 0
end

function request()
  next_path = next_path % #paths + 1
  return wrk.format("GET", paths[next_path])
end

function response(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
end

function done(summary, latency, requests)
  local n = 0
  for _, t in ipairs(threads) do n = n + t:get("non2xx") end
  local e = summary.errors
  io.write(string.format("BENCH requests %d\n", summary.requests))
  io.write(string.format("BENCH duration_us %d\n", summary.duration))
  io.write(string.format("BENCH non2xx %d\n", n))
  io.write(string.format("BENCH connect_errors %d\n", e.connect))
  io.write(string.format("BENCH read_errors %d\n", e.read))
  io.write(string.format("BENCH write_errors %d\n", e.write))
  io.write(string.format("BENCH timeouts %d\n", e.timeout))
  for _, p in ipairs({50, 90, 95, 99}) do
    io.write(string.format("BENCH p%d_us %d\n", p, latency:percentile(p)))
  end
  io.write(string.format("BENCH mean_us %f\n", latency.mean))
  io.write(string.format("BENCH max_us %d\n", latency.max))
end
