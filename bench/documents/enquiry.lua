-- POST /v1/quotation/enquiry for one quotationStatus on one day of 2025, take 50:
-- {"take":50,"quotationStatus":N,"quotationDate":"YYYY-MM-DD"}, the newest 50 of that day's
-- quotations in that status (each with its lines) and the number of all of them.
-- Environment: OV_KEY, OV_TOKEN.
-- The requests are formatted once per thread in init(): the seven statuses on each of the 365
-- days the seeded quotations cover (bench/documents/seed_documents.cpp), one at random a request.
local key, token = os.getenv("OV_KEY"), os.getenv("OV_TOKEN")
local requests = {}

function init()
  local headers = {
    ["Ocp-Apim-Subscription-Key"] = key,
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
  }
  for d = 0, 364 do
    -- Noon, so that os.time's normalising of the day never crosses a midnight.
    local day = os.date("%Y-%m-%d", os.time({year = 2025, month = 1, day = 1 + d, hour = 12}))
    for status = 1, 7 do
      local body = string.format('{"take":50,"quotationStatus":%d,"quotationDate":"%s"}', status, day)
      requests[#requests + 1] = wrk.format("POST", "/v1/quotation/enquiry", headers, body)
    end
  end
end

request = function() return requests[math.random(1, #requests)] end
