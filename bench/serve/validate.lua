-- wrk script: POST one article to /v1/validate (ARTICLE=path, default Samples/harbour-barrier.txt).
wrk.method = "POST"
wrk.path = "/v1/validate?format=json"
local file = assert(io.open(os.getenv("ARTICLE") or "Samples/harbour-barrier.txt", "rb"))
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "text/plain"

-- Non-2xx answers, counted apart from socket errors.
function done(summary, latency, requests)
  io.write(string.format("non2xx %d\n", summary.errors.status))
end
