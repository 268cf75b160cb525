-- POST /v2/activities/enquiry for one assignee's activities in one month of 2025, take 50: the
-- first page of a salesperson's calendar list. About 1 000 000 / 200 / 12 ≈ 420 activities
-- match each request.
-- Environment: OV_KEY, OV_TOKEN, OV_EMPLOYEES (file with one employee user id per line).
-- The requests are formatted once per thread in init(), so the load generator spends its CPU on
-- sending them rather than on building them.
local employees = {}
for line in io.lines(os.getenv("OV_EMPLOYEES")) do employees[#employees + 1] = line end
local key, token = os.getenv("OV_KEY"), os.getenv("OV_TOKEN")
local last_day = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
local requests = {}

function setup(thread) thread:set("seed", math.random(1, 1000000)) end

function init()
  math.randomseed(seed)
  for i, id in ipairs(employees) do
    for month = 1, 12 do
      local body = string.format(
        '{"take":50,"assignToUserIds":["%s"],"dateFrom":"2025-%02d-01","dateTo":"2025-%02d-%02d"}',
        id, month, month, last_day[month])
      requests[#requests + 1] = wrk.format("POST", "/v2/activities/enquiry", {
        ["Ocp-Apim-Subscription-Key"] = key,
        ["Authorization"] = "Bearer " .. token,
        ["Content-Type"] = "application/json",
      }, body)
    end
  end
end

request = function() return requests[math.random(1, #requests)] end
