-- GET /v3/customers/{customerCode} on random existing customer codes.
-- Environment: OV_KEY, OV_TOKEN, OV_CODES (file with one customer code per line).
local codes = {}
for line in io.lines(os.getenv("OV_CODES")) do codes[#codes + 1] = line end
local key, token = os.getenv("OV_KEY"), os.getenv("OV_TOKEN")

function setup(thread) thread:set("seed", math.random(1, 1000000)) end
function init() math.randomseed(seed) end

request = function()
  local code = codes[math.random(1, #codes)]
  return wrk.format("GET", "/v3/customers/" .. code, {
    ["Ocp-Apim-Subscription-Key"] = key,
    ["Authorization"] = "Bearer " .. token,
  })
end
