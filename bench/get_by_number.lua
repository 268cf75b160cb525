-- GET <OV_GET_PATH><number> for a random seeded record, by its business number (a deal's or an
-- expense's object).
-- Environment: OV_KEY, OV_TOKEN; OV_NUMBERS_FILE, a seeder's output, whose lines
-- "<OV_NUMBER_TAG> <number> …" name the records; OV_GET_PATH, the path before the number.
-- The requests are formatted once per thread in init(), for a uniform sample of 100 000 of the
-- seeded records (kept by reservoir sampling while the file is read): a million formatted
-- requests would take the load generator about a gigabyte, and a sample this large already
-- touches nearly every page of the tables, so the reads are as spread as over all of them.
local key, token = os.getenv("OV_KEY"), os.getenv("OV_TOKEN")
local tag, path = os.getenv("OV_NUMBER_TAG"), os.getenv("OV_GET_PATH")
local sample_size = 100000
local requests = {}

function setup(thread) thread:set("seed", math.random(1, 1000000)) end

function init()
  math.randomseed(seed)
  local numbers, seen = {}, 0
  for line in io.lines(os.getenv("OV_NUMBERS_FILE")) do
    local no = line:match("^" .. tag .. " (%S+)")
    if no then
      seen = seen + 1
      if seen <= sample_size then
        numbers[seen] = no
      else
        local slot = math.random(1, seen)
        if slot <= sample_size then numbers[slot] = no end
      end
    end
  end
  local headers = {
    ["Ocp-Apim-Subscription-Key"] = key,
    ["Authorization"] = "Bearer " .. token,
  }
  for i, no in ipairs(numbers) do requests[i] = wrk.format("GET", path .. no, headers) end
end

request = function() return requests[math.random(1, #requests)] end
