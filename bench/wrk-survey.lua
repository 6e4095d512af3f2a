-- wrk script for one page of the survey answering path (scripts/bench.sh, survey scenario):
--   wrk … -s bench/wrk-survey.lua URL -- PATH [BODY_FILE COOKIE_FILE]
-- Without a body: GET PATH as a first visit (no cookie). With one: POST it with the antiforgery cookie, every response key
-- placeholder replaced by a new key, so that each final send stores a new response. Prints one JSON line like wrk-paths.lua.
local path, body, cookie
local counter = 0
local run = ""
local placeholder = "00000000%-0000%-4000%-8000%-000000000000"

function init(args)
  path = args[1]
  if args[2] then
    body = io.open(args[2]):read("*a")
    cookie = io.open(args[3]):read("*a"):gsub("%s+$", "")
  end
  -- A run's keys start with the time and the thread's address: unique across runs and threads.
  run = string.format("%08x", os.time() % 0x100000000)
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
  run = run .. string.format("-%04x", math.random(0, 0xffff))
end

function request()
  if not body then return wrk.format("GET", path) end
  counter = counter + 1
  local key = string.format("%s-4000-8000-%012x", run, counter)
  return wrk.format("POST", path, { ["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = cookie },
    (body:gsub(placeholder, key)))
end

-- The JSON summary line: bench/wrk-report.lua, beside this script.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "wrk-report.lua")
