-- wrk script for bench/soak.sh: the soak's mix of requests, one connection per thread (run wrk with -tN -cN), so
-- each answer belongs to the request sent just before it on the same thread.
--   cached       GET instance-types (cached for minutes)
--   passthrough  GET audit, GET users (never cached: each is an upstream call)
--   overview     GET overview (not cached: a fan-out whose parts come from the micro-cache)
--   create       POST a project variable with a name of its own; its 201 queues a
--   delete       DELETE of that variable, sent next on the same thread (retried later when it fails)
-- WRK_DELAY_MS paces each connection as in report.lua. SOAK_JWT is the bearer token. When wrk ends, one line
-- SOAK_JSON {...} gives the statuses per kind, the creates answered 201, the deletes answered 204 and the variables
-- still waiting for their delete.
local delay_ms = tonumber(os.getenv("WRK_DELAY_MS") or "")
if delay_ms and delay_ms > 0 then
  function delay()
    return delay_ms
  end
end

local project = "/api/v1/projects/demo-project"
local variables = project .. "/environment-variables"
local cycle = { "cached", "passthrough-audit", "cached", "overview", "cached", "create", "passthrough-users",
                "cached", "passthrough-audit", "cached" }
local paths = {
  cached = project .. "/instance-types",
  ["passthrough-audit"] = project .. "/audit?limit=20",
  ["passthrough-users"] = project .. "/users",
  overview = project .. "/overview",
}
-- SOAK_RUN (letters) keeps the names of one wrk run apart from another's leftovers
local run = os.getenv("SOAK_RUN") or "A"
local auth = { ["Authorization"] = "Bearer " .. (os.getenv("SOAK_JWT") or "") }
local json_auth = { ["Authorization"] = auth["Authorization"], ["Content-Type"] = "application/json" }

local threads = {}
local counter = 0

function setup(thread)
  counter = counter + 1
  thread:set("thread_id", counter)
  table.insert(threads, thread)
end

-- per thread; flat tables only: wrk's thread:get crashes on nested ones
statuses = {} -- "kind status" -> count
waiting = 0
created = 0
deleted = 0
pending = {}
local step = 0
local sent = 0
local last_kind, last_id

-- Variable names take letters and underscores only: the sequence number is written in letters.
local function letters(n)
  local text = ""
  repeat
    text = string.char(65 + n % 26) .. text
    n = math.floor(n / 26)
  until n == 0
  return text
end

function request()
  if #pending > 0 then
    last_kind, last_id = "delete", table.remove(pending, 1)
    return wrk.format("DELETE", variables .. "/" .. last_id, auth)
  end
  step = step % #cycle + 1
  last_kind, last_id = cycle[step], nil
  if last_kind == "create" then
    sent = sent + 1
    local name = "SOAK_" .. run .. "_" .. letters(thread_id) .. "_" .. letters(sent)
    return wrk.format("POST", variables, json_auth, '{"name":"' .. name .. '","value":"soak","secret":false}')
  end
  return wrk.format("GET", paths[last_kind], auth)
end

function response(status, headers, body)
  local kind = last_kind
  if kind:sub(1, 11) == "passthrough" then
    kind = "passthrough"
  end
  local key = kind .. " " .. status
  statuses[key] = (statuses[key] or 0) + 1
  if last_kind == "create" and status == 201 then
    created = created + 1
    table.insert(pending, body:match('"id"%s*:%s*"([^"]+)"'))
  elseif last_kind == "delete" then
    if status == 204 then
      deleted = deleted + 1
    elseif status ~= 404 then
      table.insert(pending, last_id) -- try again after the next request
    end
  end
  waiting = #pending
end

function done(summary, latency, requests)
  local by_kind, total_created, total_deleted, waiting = {}, 0, 0, 0
  for _, thread in ipairs(threads) do
    for key, n in pairs(thread:get("statuses")) do
      local kind, status = key:match("^(%S+) (%S+)$")
      by_kind[kind] = by_kind[kind] or {}
      by_kind[kind][status] = (by_kind[kind][status] or 0) + n
    end
    total_created = total_created + thread:get("created")
    total_deleted = total_deleted + thread:get("deleted")
    waiting = waiting + thread:get("waiting")
  end
  local kinds = {}
  for kind, counts in pairs(by_kind) do
    local parts = {}
    for status, n in pairs(counts) do
      table.insert(parts, string.format('"%s":%d', status, n))
    end
    table.insert(kinds, string.format('"%s":{%s}', kind, table.concat(parts, ",")))
  end
  local e = summary.errors
  io.write(string.format(
    'SOAK_JSON {"requests":%d,"duration_us":%d,"statuses":{%s},"created":%d,"deleted":%d,"waiting_delete":%d,' ..
    '"socket_errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d},' ..
    '"latency_us":{"p50":%d,"p90":%d,"p99":%d,"p999":%d,"max":%d}}\n',
    summary.requests, summary.duration, table.concat(kinds, ","), total_created, total_deleted, waiting,
    e.connect, e.read, e.write, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency:percentile(99.9), latency.max))
end
