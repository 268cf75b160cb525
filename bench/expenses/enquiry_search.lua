-- POST /v1/expenses/enquiry for the waiting and approved expenses of every type whose number,
-- subject or remark contains a text, take 50. The text (OV_SEARCH, "ลูกค้า" in bench/run-expenses)
-- is in a quarter of the seeded subjects (bench/expenses/seed_expenses.cpp), so each group's
-- page is found after about 200 rows of its date order.
-- Environment: OV_KEY, OV_TOKEN, OV_SEARCH.
local key, token, text = os.getenv("OV_KEY"), os.getenv("OV_TOKEN"), os.getenv("OV_SEARCH")
local req

function init()
  req = wrk.format("POST", "/v1/expenses/enquiry", {
    ["Ocp-Apim-Subscription-Key"] = key,
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
  }, '{"expenseTypeId":0,"statusIds":["301","302"],"searchText":"' .. text .. '","take":50}')
end

request = function() return req end
