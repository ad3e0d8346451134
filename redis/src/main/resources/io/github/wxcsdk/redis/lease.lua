-- Takes (or extends) the refresh lease of a token set. KEYS[1] lease; ARGV: holder, lease ms. Returns 1 or 0.
local h = redis.call('GET', KEYS[1])
if h == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
if h then
  return 0
end
redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1
