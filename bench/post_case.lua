-- POST /v1/case with the Venio doc example body (every write is durable before its 200).
-- Environment: OV_KEY, OV_TOKEN.
local key, token = os.getenv("OV_KEY"), os.getenv("OV_TOKEN")
local body = '{"caseType":1,"subject":"Load test case","customerCode":"C000154",' ..
  '"categoryId":2140016585,"dateCase":"2025-02-05T17:35:53.693+0700",' ..
  '"dateDue":"2025-02-05T17:35:53.693+0700","activityNos":["A20250200028","A20250200029"],' ..
  '"dealNos":["D241200044","D241200047"],"note":"description",' ..
  '"assignedToUserId":"6d473b8f-a6b3-4536-b1e6-f4b7688414e2"}'

request = function()
  return wrk.format("POST", "/v1/case", {
    ["Ocp-Apim-Subscription-Key"] = key,
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
  }, body)
end

