-- GET /v3/customers/{customerCode} on random existing customer codes.
-- Environment: OV_KEY, OV_TOKEN, OV_CODES (file with one customer code per line).
-- The requests are formatted once per thread in init(): formatting one per call in Lua costs
-- the load generator more CPU than the server spends answering it, on a machine they share.
local codes = {}
for line in io.lines(os.getenv("OV_CODES")) do codes[#codes + 1] = line end
local key, token = os.getenv("OV_KEY"), os.getenv("OV_TOKEN")
local requests = {}

function setup(thread) thread:set("seed", math.random(1, 1000000)) end

function init()
  math.randomseed(seed)
  for i, code in ipairs(codes) do
    requests[i] = wrk.format("GET", "/v3/customers/" .. code, {
      ["Ocp-Apim-Subscription-Key"] = key,
      ["Authorization"] = "Bearer " .. token,
    })
  end
end

request = function() return requests[math.random(1, #requests)] end
