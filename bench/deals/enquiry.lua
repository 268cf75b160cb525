-- POST /v1/deals/enquiry for the open deals (statusIds [1]) of one seeded board whose number,
-- name or customer's name contains a keyword, take 50: a salesperson searching a board's
-- pipeline. Each request takes one of the 20 boards and one of the 81 words the seeded names
-- are made of (bench/deals/seed_deals.cpp), so the selectivity varies: with 1 000 000 deals a
-- board holds about 37 500 open deals, of which a codename matches about 1/40, a product 1/32,
-- a kind of deal 1/8 and "ระบบ" a quarter.
-- Environment: OV_KEY, OV_TOKEN, OV_DEALS (the seeder's output: board, keyword and deal lines).
-- The requests are formatted once per thread in init(), so the load generator spends its CPU on
-- sending them rather than on building them.
local key, token = os.getenv("OV_KEY"), os.getenv("OV_TOKEN")
local requests = {}

function setup(thread) thread:set("seed", math.random(1, 1000000)) end

function init()
  math.randomseed(seed)
  local boards, keywords = {}, {}
  -- The board and keyword lines come first; the million deal lines after them are not needed.
  for line in io.lines(os.getenv("OV_DEALS")) do
    local kind, rest = line:match("^(%a+) (.*)$")
    if kind == "deal" then break end
    if kind == "board" then boards[#boards + 1] = tonumber(rest:match("^(%d+)")) end
    if kind == "keyword" then keywords[#keywords + 1] = rest end
  end
  for _, board in ipairs(boards) do
    for _, keyword in ipairs(keywords) do
      local body = string.format('{"take":50,"boardId":%d,"statusIds":[1],"keyword":"%s"}',
        board, keyword)
      requests[#requests + 1] = wrk.format("POST", "/v1/deals/enquiry", {
        ["Ocp-Apim-Subscription-Key"] = key,
        ["Authorization"] = "Bearer " .. token,
        ["Content-Type"] = "application/json",
      }, body)
    end
  end
end

request = function() return requests[math.random(1, #requests)] end
