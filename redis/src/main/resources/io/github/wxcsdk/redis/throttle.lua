-- The shared throttle of one token: heartbeat of a replica, optional update, answer of the shared state.
-- KEYS[1] state hash, KEYS[2] live replicas (sorted set scored by last heartbeat, server time in ms)
-- ARGV: replica, has update (1/0), rate, probing (1/0), gate ms from now, live window ms, key lifetime ms
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZADD', KEYS[2], now, ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - tonumber(ARGV[6]))
redis.call('PEXPIRE', KEYS[2], ARGV[7])
if ARGV[2] == '1' then
  local gate = now + tonumber(ARGV[5])
  local old = tonumber(redis.call('HGET', KEYS[1], 'gate') or '0')
  if old > gate then gate = old end
  redis.call('HSET', KEYS[1], 'rate', ARGV[3], 'probing', ARGV[4], 'gate', tostring(gate), 'at', tostring(now))
  redis.call('HINCRBY', KEYS[1], 'version', 1)
  redis.call('PEXPIRE', KEYS[1], ARGV[7])
end
local s = redis.call('HMGET', KEYS[1], 'version', 'rate', 'probing', 'gate', 'at')
local gateLeft = 0
if s[4] then gateLeft = math.max(0, tonumber(s[4]) - now) end
local age = 0
if s[5] then age = math.max(0, now - tonumber(s[5])) end
return {s[1] or '0', s[2] or '0', s[3] or '0', tostring(gateLeft), tostring(age),
        tostring(redis.call('ZCARD', KEYS[2]))}
