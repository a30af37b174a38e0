-- wrk script: each prepared sandbox webhook (one line: signature TAB body) is sent exactly once.
-- Thread n of N sends lines n, n+N, n+2N …; a thread stops when its share is done, so no
-- duplicate inflates the rate. Environment: BENCH_WEBHOOKS (the file of prepared lines).
local lines = {}
local next_line = 1
statuses = {} -- global: done() reads it through thread:get
local threads = {}

function setup(thread)
    thread:set("id", #threads)
    table.insert(threads, thread)
end

function init(args)
    local index = 0
    local file = assert(io.open(os.getenv("BENCH_WEBHOOKS"), "r"))
    local threads_total = tonumber(os.getenv("BENCH_THREADS") or "2")
    for line in file:lines() do
        if index % threads_total == id then table.insert(lines, line) end
        index = index + 1
    end
    file:close()
    wrk.method = "POST"
    wrk.headers["Content-Type"] = "application/json"
end

function request()
    local line = lines[next_line]
    if line == nil then
        -- Nothing left for this thread: a harmless request while wrk winds the thread down.
        return wrk.format("GET", "/healthz", {}, nil)
    end
    next_line = next_line + 1
    local tab = string.find(line, "\t", 1, true)
    local signature = string.sub(line, 1, tab - 1)
    local body = string.sub(line, tab + 1)
    return wrk.format("POST", "/payments/webhook/sandbox", { ["X-Sandbox-Signature"] = signature,
        ["Content-Type"] = "application/json" }, body)
end

function response(status, headers, body)
    statuses[status] = (statuses[status] or 0) + 1
    if next_line > #lines then wrk.thread:stop() end
end

function done(summary, latency, requests)
    local total = {}
    for _, thread in ipairs(threads) do
        local counts = thread:get("statuses")
        for status, count in pairs(counts) do total[status] = (total[status] or 0) + count end
    end
    for status, count in pairs(total) do io.write(string.format("status %d: %d\n", status, count)) end
end
