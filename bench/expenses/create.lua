-- POST /v1/expenses creating a claim of five lines, one of each of five types with what its
-- rules require (every write is durable before its 200): a night of accommodation (amount,
-- night), fuel (amount, milesStart < milesEnd), a training (amount, trainingTitle, hours,
-- minutes), a taxi, tollway and parking ride (the fares are its amount) and a meeting with
-- sales (amount). Each create writes the expense, its five lines, its submitted state, its log
-- entry and the number sequence, and reads the expense back.
-- Environment: OV_KEY, OV_TOKEN.
-- The requests are formatted once per thread in init(): 64 claims, differing in subject,
-- date and amounts, so the load generator spends its CPU on sending them.
local key, token = os.getenv("OV_KEY"), os.getenv("OV_TOKEN")
local places = {"เชียงใหม่", "ขอนแก่น", "ภูเก็ต", "ชลบุรี", "ระยอง", "หาดใหญ่", "Pattaya", "Hua Hin"}
local requests = {}

function init()
  local headers = {
    ["Ocp-Apim-Subscription-Key"] = key,
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
  }
  for i = 1, 64 do
    local start = 10000 + 137 * i
    local body = string.format(
      '{"subject":"เยี่ยมลูกค้า %s","dateTransaction":"2025-12-%02dT09:00:00+0700",' ..
      '"remark":"Receipts attached","ExpenseDetails":[' ..
      '{"expenseTypeId":1001,"amount":"%d.00","night":1},' ..
      '{"expenseTypeId":1003,"amount":"%d.50","milesStart":%d,"milesEnd":%d,"usedFuelCard":false},' ..
      '{"expenseTypeId":1005,"amount":3500,"trainingTitle":"Product training","hours":3,"minutes":30},' ..
      '{"expenseTypeId":1006,"taxi":"%d.00","tollway":"75.50","parking":40},' ..
      '{"expenseTypeId":1008,"amount":"%d.00"}]}',
      places[(i - 1) % #places + 1], (i - 1) % 28 + 1, 1200 + 10 * i, 400 + i, start,
      start + 80 + i, 150 + i, 800 + 5 * i)
    requests[i] = wrk.format("POST", "/v1/expenses", headers, body)
  end
end

request = function() return requests[math.random(1, #requests)] end
