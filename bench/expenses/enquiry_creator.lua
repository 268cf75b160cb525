-- POST /v1/expenses/enquiry for one creator's waiting and approved expenses with a Travelling
-- line (expenseTypeId 1006), take 50: a manager checking one salesperson's travel claims. Each
-- request names one of the 20 seeded creators (bench/expenses/seed_expenses.cpp), who made about
-- 50 000 of 1 000 000 expenses, about 60 % of them with a Travelling line.
-- Environment: OV_KEY, OV_TOKEN, OV_EXPENSES (the seeder's output: creator and expense lines).
-- The requests are formatted once per thread in init(), so the load generator spends its CPU on
-- sending them rather than on building them.
local key, token = os.getenv("OV_KEY"), os.getenv("OV_TOKEN")
local requests = {}

function setup(thread) thread:set("seed", math.random(1, 1000000)) end

function init()
  math.randomseed(seed)
  -- The creator lines come first; the million expense lines after them are not needed.
  for line in io.lines(os.getenv("OV_EXPENSES")) do
    local code = line:match("^creator (%S+)")
    if not code then break end
    local body = '{"expenseTypeId":1006,"statusIds":["301","302"],"staffCodes":["' .. code ..
      '"],"take":50}'
    requests[#requests + 1] = wrk.format("POST", "/v1/expenses/enquiry", {
      ["Ocp-Apim-Subscription-Key"] = key,
      ["Authorization"] = "Bearer " .. token,
      ["Content-Type"] = "application/json",
    }, body)
  end
end

request = function() return requests[math.random(1, #requests)] end
