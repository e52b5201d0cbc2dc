-- POST /api/v1/bookings on behalf of leaders: each wrk thread takes every Nth line of the file
-- named by PAIRS ("leaderId,shiftId", free places without overlaps, written by seed-scale).
dofile(os.getenv("BENCH_DIR") .. "/result.lua")
local counter = 0
function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
end
function init(args)
  pairs_, n = {}, 0
  local i = 0
  for line in io.lines(os.getenv("PAIRS")) do
    if i % tonumber(os.getenv("THREADS")) == id then
      n = n + 1
      pairs_[n] = line
    end
    i = i + 1
  end
  next_ = 0
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
end
function request()
  next_ = next_ % n + 1
  local leader, shift = pairs_[next_]:match("([^,]+),([^,]+)")
  return wrk.format(nil, "/api/v1/bookings", nil, '{"leaderId":"' .. leader .. '","shiftId":"' .. shift .. '"}')
end
