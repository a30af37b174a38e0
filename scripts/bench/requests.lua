-- wrk script: GET requests from a file, one a line: host TAB path.
-- BENCH_ORDER=random (default): every request a random line, for as long as wrk runs.
-- BENCH_ORDER=once: each line exactly once (thread n of N takes lines n, n+N …), then the thread stops;
-- with one line per tenant that is the first request to every tenant, so wrk's latency is the cold one.
-- Environment: BENCH_REQUESTS (the file), BENCH_THREADS (wrk's -t), BENCH_COOKIE (a Cookie header, optional).
local lines = {}
local next_line = 1
local once = os.getenv("BENCH_ORDER") == "once"
statuses = {} -- global: done() reads it through thread:get
local threads = {}

function setup(thread)
    thread:set("id", #threads)
    table.insert(threads, thread)
end

function init(args)
    local index = 0
    local threads_total = tonumber(os.getenv("BENCH_THREADS") or "2")
    local file = assert(io.open(os.getenv("BENCH_REQUESTS"), "r"))
    for line in file:lines() do
        if not once or index % threads_total == id then
            local tab = string.find(line, "\t", 1, true)
            table.insert(lines, { string.sub(line, 1, tab - 1), string.sub(line, tab + 1) })
        end
        index = index + 1
    end
    file:close()
    math.randomseed(os.time() * 100 + id)
end

-- wrk.format replaces wrk.headers with the table it is given, so every request's headers are built here.
local cookie = os.getenv("BENCH_COOKIE")
local function headers(host)
    if cookie and cookie ~= "" then return { Host = host, Cookie = cookie } end
    return { Host = host }
end

function request()
    local line
    if once then
        line = lines[next_line]
        if line == nil then
            -- Nothing left for this thread: a cheap request while wrk winds the thread down.
            return wrk.format("GET", "/healthz", headers("localhost"), nil)
        end
        next_line = next_line + 1
    else
        line = lines[math.random(#lines)]
    end
    return wrk.format("GET", line[2], headers(line[1]), nil)
end

function response(status, headers, body)
    statuses[status] = (statuses[status] or 0) + 1
    if once and next_line > #lines then wrk.thread:stop() end
end

function done(summary, latency, requests)
    local total = {}
    for _, thread in ipairs(threads) do
        local counts = thread:get("statuses")
        for status, count in pairs(counts) do total[status] = (total[status] or 0) + count end
    end
    for status, count in pairs(total) do io.write(string.format("status %d: %d\n", status, count)) end
end
