-- POST /v3/customers/enquiry with a keyword and a customer-state filter, take 50: the first page
-- a person sees after typing part of a name into the customer list's search box.
-- Environment: OV_KEY, OV_TOKEN, OV_KEYWORDS (file of "<keyword>\t<customerState>" lines: name
-- fragments of seeded customers with the state of the customer they came from).
-- The requests are formatted once per thread in init(), so the load generator spends its CPU
-- on sending them rather than on building them.
local bodies = {}
for line in io.lines(os.getenv("OV_KEYWORDS")) do
  local keyword, state = line:match("^(.-)\t(%d+)$")
  if keyword then
    bodies[#bodies + 1] = '{"keyword":"' .. keyword .. '","customerStates":[' .. state .. '],"take":50}'
  end
end
local key, token = os.getenv("OV_KEY"), os.getenv("OV_TOKEN")
local requests = {}

function setup(thread) thread:set("seed", math.random(1, 1000000)) end

function init()
  math.randomseed(seed)
  for i, body in ipairs(bodies) do
    requests[i] = wrk.format("POST", "/v3/customers/enquiry", {
      ["Ocp-Apim-Subscription-Key"] = key,
      ["Authorization"] = "Bearer " .. token,
      ["Content-Type"] = "application/json",
    }, body)
  end
end

request = function() return requests[math.random(1, #requests)] end
