-- POST /v2/quotation creating a quotation of twenty lines (every write is durable before its
-- 200): twenty of the seeder's products SKU-001..SKU-040 (bench/documents/seed_documents.cpp),
-- each line's name, price and unit taken from its product, a quarter of them with a percent
-- discount and a few with an amount discount, VAT on top, status 1 or 2. Each create looks up
-- the customer, the staff and the twenty products, writes the quotation, its twenty lines, the
-- two number sequences (quotationNo and its DRAFT referenceNo) and the webhook outbox, and
-- reads the quotation back with its lines.
-- Environment: OV_KEY, OV_TOKEN.
-- The requests are formatted once per thread in init(): 64 quotations, differing in customer,
-- staff, products, quantities, discounts, dates and status, so the load generator spends its
-- CPU on sending them.
local key, token = os.getenv("OV_KEY"), os.getenv("OV_TOKEN")
-- The demo company's customers and staff, and the seeder's.
local customers = {"daisy", "C000154", "CUST-001", "C000001"}
local staff = {"staff01", "staff02", "Admin01", "STAFF-001", "00004"}
for n = 1, 20 do
  customers[#customers + 1] = string.format("CUS%04d", n)
  staff[#staff + 1] = string.format("SALE%02d", n)
end
local subjects = {"ใบเสนอราคา อุปกรณ์ไอที", "Network upgrade", "ชุดอุปกรณ์สำนักงานใหม่", "ระบบ POS สาขาใหม่"}
local requests = {}

function init()
  local headers = {
    ["Ocp-Apim-Subscription-Key"] = key,
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
  }
  for i = 1, 64 do
    local lines = {}
    for k = 0, 19 do
      -- Twenty different products: 3k mod 40 takes twenty distinct values.
      local line = string.format('{"productCode":"SKU-%03d","qty":%d', (i + 3 * k) % 40 + 1, (i + k) % 9 + 1)
      if k % 4 == 1 then
        line = line .. ',"discountType":true,"discountValue":5'
      elseif k % 7 == 3 then
        line = line .. ',"discountType":false,"discountValue":"100.00"'
      end
      lines[#lines + 1] = line .. "}"
    end
    local day = (i - 1) % 28 + 1
    local body = string.format(
      '{"quotationSubject":"%s","quotationStatus":%d,"customerCode":"%s","staffCode":"%s",' ..
      '"vatCalculation":true,"quotationDate":"2025-12-%02d","quotationValidUntil":"2026-01-%02d",' ..
      '"paymentTerm":"Net 30","quotationNote":"ยืนราคา 30 วัน","quotationDetails":[%s]}',
      subjects[(i - 1) % #subjects + 1], (i - 1) % 2 + 1, customers[(i - 1) % #customers + 1],
      staff[(i * 7) % #staff + 1], day, day, table.concat(lines, ","))
    requests[i] = wrk.format("POST", "/v2/quotation", headers, body)
  end
end

request = function() return requests[math.random(1, #requests)] end
