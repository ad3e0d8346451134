-- Stores a token set when the holder has the lease or nobody has it. KEYS[1] lease, KEYS[2] token set; ARGV: holder,
-- value. Returns 1 when stored, 0 when another holder has the lease.
local h = redis.call('GET', KEYS[1])
if h and h ~= ARGV[1] then
  return 0
end
redis.call('SET', KEYS[2], ARGV[2])
return 1
