-- POST /v1/expenses/enquiry for the waiting and approved expenses of every type, take 50: the
-- approver's and the accountant's first screen, two status groups of 50, newest first. With
-- 1 000 000 seeded expenses (bench/expenses/seed_expenses.cpp) the two groups hold about
-- 250 000 and 650 000 expenses.
-- Environment: OV_KEY, OV_TOKEN.
-- The request is formatted once per thread in init(), so the load generator spends its CPU on
-- sending it rather than on building it.
local key, token = os.getenv("OV_KEY"), os.getenv("OV_TOKEN")
local req

function init()
  req = wrk.format("POST", "/v1/expenses/enquiry", {
    ["Ocp-Apim-Subscription-Key"] = key,
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
  }, '{"expenseTypeId":0,"statusIds":["301","302"],"take":50}')
end

request = function() return req end
