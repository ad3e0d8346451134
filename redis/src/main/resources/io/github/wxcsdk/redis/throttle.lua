-- The shared throttle of one token: heartbeat of a replica, optional update, answer of the shared state.
-- KEYS[1] state hash, KEYS[2] live replicas (sorted set scored by last heartbeat, server time in ms)
-- ARGV: replica, has update (1/0), rate, probing (1/0), gate ms from now, live window ms, key lifetime ms, settle ms
-- One pace per congestion: an update within the settle time of the previous one (replicas answered 429 in the same
-- congestion) replaces its pace only when it ends the doubling or is higher (the replica that measured more of the
-- rate let through); all replicas then take that pace. A longer gate always extends the gate.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZADD', KEYS[2], now, ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now - tonumber(ARGV[6]))
redis.call('PEXPIRE', KEYS[2], ARGV[7])
if ARGV[2] == '1' then
  local s = redis.call('HMGET', KEYS[1], 'gate', 'at', 'probing', 'rate')
  local changed = false
  local gate = now + tonumber(ARGV[5])
  if tonumber(ARGV[5]) > 0 and gate > tonumber(s[1] or '0') then
    redis.call('HSET', KEYS[1], 'gate', tostring(gate))
    changed = true
  end
  if not s[2] or now - tonumber(s[2]) >= tonumber(ARGV[8]) then
    redis.call('HSET', KEYS[1], 'rate', ARGV[3], 'probing', ARGV[4], 'at', tostring(now))
    changed = true
  elseif (s[3] == '1' and ARGV[4] == '0') or (s[3] == ARGV[4] and tonumber(ARGV[3]) > tonumber(s[4] or '0')) then
    -- the same congestion: the time of its first update stays, so the settle time is not prolonged
    redis.call('HSET', KEYS[1], 'rate', ARGV[3], 'probing', ARGV[4])
    changed = true
  end
  if changed then
    redis.call('HINCRBY', KEYS[1], 'version', 1)
  end
  redis.call('PEXPIRE', KEYS[1], ARGV[7])
end
local s = redis.call('HMGET', KEYS[1], 'version', 'rate', 'probing', 'gate', 'at')
local gateLeft = 0
if s[4] then gateLeft = math.max(0, tonumber(s[4]) - now) end
local age = 0
if s[5] then age = math.max(0, now - tonumber(s[5])) end
return {s[1] or '0', s[2] or '0', s[3] or '0', tostring(gateLeft), tostring(age),
        tostring(redis.call('ZCARD', KEYS[2]))}
