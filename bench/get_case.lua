-- GET /v1/case/{caseNo} on random existing case numbers.
-- Environment: OV_KEY, OV_TOKEN, OV_NUMBERS (file with one case number per line).
local numbers = {}
for line in io.lines(os.getenv("OV_NUMBERS")) do numbers[#numbers + 1] = line end
local key, token = os.getenv("OV_KEY"), os.getenv("OV_TOKEN")

function setup(thread) thread:set("seed", math.random(1, 1000000)) end
function init() math.randomseed(seed) end

request = function()
  local no = numbers[math.random(1, #numbers)]
  return wrk.format("GET", "/v1/case/" .. no, {
    ["Ocp-Apim-Subscription-Key"] = key,
    ["Authorization"] = "Bearer " .. token,
  })
end

