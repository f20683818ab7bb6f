/**
 * One hit against a key's sliding window, atomically: the sorted set under KEYS[1] holds one
 * member per counted hit, scored by its time in ms.
 *
 * ARGV: window ms, limit, a member id unique to this hit.
 * Returns { allowed (1|0), hits counted in the window, ms until the next slot frees }.
 *
 * Time is the Redis server's, so routers with drifting clocks still share one window.
 */
export const SLIDING_WINDOW_LUA = `
-- Before Redis 5 a script that reads TIME must replicate its effects, not itself.
if redis.replicate_commands then pcall(redis.replicate_commands) end

local window = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local time = redis.call('TIME')
-- Whole ms: Lua prints numbers with 14 digits, which ms fit and µs would not.
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)

redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
local allowed = 0
if count < limit then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  -- The key dies with its newest hit, so an idle key leaves nothing behind.
  redis.call('PEXPIRE', KEYS[1], window)
  count = count + 1
  allowed = 1
end

-- Normally the oldest hit frees the next slot; above a lowered limit, a later one does.
local freeing = 0
if allowed == 0 then freeing = count - limit end
local reset = window
local entry = redis.call('ZRANGE', KEYS[1], freeing, freeing, 'WITHSCORES')
if entry[2] then reset = math.max(0, tonumber(entry[2]) + window - now) end

return { allowed, count, reset }
`;
