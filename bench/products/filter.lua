-- POST /v1/products/getProduct (Get Products By Filter) for the active products of type 1031 of
-- one level-2 group whose code, barcode, name, brand or tags contain a word, take 50, in the
-- default order (name, then id): a salesperson narrowing the catalogue to a category and a
-- material. Each request names one of the 100 seeded level-2 groups
-- (bench/products/seed_products.cpp), each holding about 10 000 of 1 000 000 products, and the
-- word is in about a fifth of their names.
-- Environment: OV_KEY, OV_TOKEN, OV_PRODUCTS_FILE (the seeder's output: its keyword and its
-- filter lines, one per level-2 group).
-- The requests are formatted once per thread in init(), so the load generator spends its CPU on
-- sending them rather than on building them.
local key, token, file = os.getenv("OV_KEY"), os.getenv("OV_TOKEN"), os.getenv("OV_PRODUCTS_FILE")
local requests = {}

function setup(thread) thread:set("seed", math.random(1, 1000000)) end

function init()
  math.randomseed(seed)
  local keyword
  local groups = {}
  for line in io.lines(file) do
    local word = line:match("^keyword (.+)$")
    if word then keyword = word end
    local group = line:match("^filter (%d+) ")
    if group then groups[#groups + 1] = group end
  end
  local headers = {
    ["Ocp-Apim-Subscription-Key"] = key,
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
  }
  for i, group in ipairs(groups) do
    local body = '{"productType":1031,"productGroupIds":[' .. group .. '],"smartSearch":"' ..
      keyword .. '","status":[1],"take":50}'
    requests[i] = wrk.format("POST", "/v1/products/getProduct", headers, body)
  end
end

request = function() return requests[math.random(1, #requests)] end
