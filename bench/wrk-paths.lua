-- wrk script: cycles through the paths listed in a file (wrk … -s bench/wrk-paths.lua URL -- FILE),
-- and prints one JSON line at the end, read by scripts/bench.sh.
local paths = {}
local counter = 0

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then paths[#paths + 1] = line end
  end
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

-- The JSON summary line: bench/wrk-report.lua, beside this script.
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "wrk-report.lua")
