-- GET /v2/products/{productCode} for a random seeded product (the product object with its
-- groups, unit and variants). The seeded products are coded P0000001 upwards
-- (bench/products/seed_products.cpp), every 50th with 2 to 4 variants.
-- Environment: OV_KEY, OV_TOKEN, OV_PRODUCTS (how many products were seeded).
-- The requests are formatted once per thread in init(), for a uniform sample of 100 000 of the
-- seeded codes: a million formatted requests would take the load generator hundreds of
-- megabytes, and a sample this large already touches nearly every page of the products table,
-- so the reads are as spread as over all of them.
local key, token = os.getenv("OV_KEY"), os.getenv("OV_TOKEN")
local count = tonumber(os.getenv("OV_PRODUCTS"))
local sample_size = 100000
local requests = {}

function setup(thread) thread:set("seed", math.random(1, 1000000)) end

function init()
  math.randomseed(seed)
  local headers = {
    ["Ocp-Apim-Subscription-Key"] = key,
    ["Authorization"] = "Bearer " .. token,
  }
  for i = 1, math.min(sample_size, count) do
    local code = string.format("P%07d", math.random(1, count))
    requests[i] = wrk.format("GET", "/v2/products/" .. code, headers)
  end
end

request = function() return requests[math.random(1, #requests)] end
