-- GET each path of the file named by PATHS in turn (one path per line), with the bearer token.
dofile(os.getenv("BENCH_DIR") .. "/result.lua")
function init(args)
  paths, n = {}, 0
  for line in io.lines(os.getenv("PATHS")) do
    n = n + 1
    paths[n] = line
  end
  next_ = math.random(n) - 1
  wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
end
function request()
  next_ = next_ % n + 1
  return wrk.format("GET", paths[next_])
end
