-- POST /v2/activities creating a planned visit for a random seeded employee at the demo customer
-- C000154, with two key activities (every write is durable before its 200).
-- Environment: OV_KEY, OV_TOKEN, OV_EMPLOYEES (file with one employee user id per line).
local employees = {}
for line in io.lines(os.getenv("OV_EMPLOYEES")) do employees[#employees + 1] = line end
local key, token = os.getenv("OV_KEY"), os.getenv("OV_TOKEN")
local requests = {}

function setup(thread) thread:set("seed", math.random(1, 1000000)) end

function init()
  math.randomseed(seed)
  for i, id in ipairs(employees) do
    local body = '{"subject":"Load test visit","activityTypeId":1,"customerCode":"C000154",' ..
      '"dateAppointmentStart":"2025-06-02T10:00:00+0700",' ..
      '"dateAppointmentEnd":"2025-06-02T11:00:00+0700","assignToUserId":"' .. id .. '",' ..
      '"keyActivityIds":[1,3],"note":"Seeded by the load test"}'
    requests[i] = wrk.format("POST", "/v2/activities", {
      ["Ocp-Apim-Subscription-Key"] = key,
      ["Authorization"] = "Bearer " .. token,
      ["Content-Type"] = "application/json",
    }, body)
  end
end

request = function() return requests[math.random(1, #requests)] end
