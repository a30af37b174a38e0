-- wrk script: POST /orders as a browser would after loading a package page.
-- The CSRF check is a double submit (cookie == hidden field), so one fixed well-formed token works
-- for every request; each request gets its own idempotency key, so each one is a new order.
-- Environment: BENCH_PROFILE (the package id).
local csrf = string.rep("ab", 32)
local profile = os.getenv("BENCH_PROFILE")
local counter = 0
local thread_id = 0
statuses = {} -- global: done() reads it through thread:get
local threads = {}

function setup(thread)
    thread:set("id", #threads + 1)
    table.insert(threads, thread)
end

function init(args)
    thread_id = id
    -- Without a seed every run draws the same keys, and a second run against the same database
    -- would find the first run's orders instead of creating new ones.
    math.randomseed(os.time() * 100 + id)
    wrk.method = "POST"
    wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
    wrk.headers["Cookie"] = "csrf=" .. csrf
end

function request()
    counter = counter + 1
    local key = string.format("bench%02dx%09d%09d", thread_id, counter, math.random(0, 999999999))
    local body = "_csrf=" .. csrf .. "&profile_id=" .. profile .. "&idempotency_key=" .. key
        .. "&phone=081234567890&name=Bench&email=bench%40example.com&quantity=1&terms=on"
    return wrk.format(nil, "/orders", nil, body)
end

function response(status, headers, body)
    statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
    -- Each thread's counts, read back through the thread objects kept in setup.
    local total = {}
    for _, thread in ipairs(threads) do
        local counts = thread:get("statuses")
        for status, count in pairs(counts) do total[status] = (total[status] or 0) + count end
    end
    for status, count in pairs(total) do io.write(string.format("status %d: %d\n", status, count)) end
end
