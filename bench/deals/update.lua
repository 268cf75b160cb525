-- PUT /v1/deals/{dealNo} moving an open seeded deal to another normal stage of its board and,
-- on its next request, back (every write is durable before its 200). A move takes the deal out
-- of one stage's column and puts it last in the other's, so besides the deal it writes both
-- stages' rows and their cards' block counts.
-- Environment: OV_KEY, OV_TOKEN, OV_DEALS (the seeder's output: board, keyword and deal lines).
-- The requests are formatted once per thread in init(), two per deal (there and back), for a
-- uniform sample of 50 000 of the open deals (reservoir sampling while the file is read):
-- enough that concurrent requests rarely name the same deal, while the formatted requests stay
-- near 100 MB.
local key, token = os.getenv("OV_KEY"), os.getenv("OV_TOKEN")
local sample_size = 50000
local requests, next_move = {}, {}

function setup(thread) thread:set("seed", math.random(1, 1000000)) end

function init()
  math.randomseed(seed)
  local normal = {}  -- board id → its four normal stage ids, in seq order
  local deals, seen = {}, 0
  for line in io.lines(os.getenv("OV_DEALS")) do
    local kind = line:match("^(%a+)")
    if kind == "board" then
      local id, s1, s2, s3, s4 = line:match("^board (%d+) (%d+) (%d+) (%d+) (%d+)")
      normal[id] = {s1, s2, s3, s4}
    elseif kind == "deal" then
      local no, board, stage, status, name =
        line:match("^deal (%S+) %d+ (%d+) (%d+) (%d+) (.*)$")
      if status == "1" then
        seen = seen + 1
        local deal = {no, board, stage, name}
        if seen <= sample_size then
          deals[seen] = deal
        else
          local slot = math.random(1, seen)
          if slot <= sample_size then deals[slot] = deal end
        end
      end
    end
  end
  local headers = {
    ["Ocp-Apim-Subscription-Key"] = key,
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
  }
  -- A stage move as the app sends it: the deal's own name (a rename would also rewrite its
  -- keyword rows, which a move does not need), the other required fields, the new stage.
  local function put(no, name, stage)
    local body = '{"dealName":"' .. name:gsub('[\\"]', '\\%0') .. '","dealValue":1000,' ..
      '"expectedCloseDate":"2025-06-30T00:00:00+0700","assignTo":"staff01","dealStageId":' ..
      stage .. '}'
    return wrk.format("PUT", "/v1/deals/" .. no, headers, body)
  end
  for i, deal in ipairs(deals) do
    local no, board, stage, name = deal[1], deal[2], deal[3], deal[4]
    local stages = normal[board]
    -- The two stages: the deal's own and the next normal stage of its board.
    local other
    for p = 1, 4 do
      if stages[p] == stage then other = stages[p % 4 + 1] end
    end
    requests[i] = {put(no, name, other), put(no, name, stage)}
    next_move[i] = 1
  end
end

request = function()
  local i = math.random(1, #requests)
  local move = next_move[i]
  next_move[i] = 3 - move
  return requests[i][move]
end
