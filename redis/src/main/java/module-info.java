/**
 * Optional: replicas that use the same token share the throttle and the OAuth token set through Redis
 * ({@link io.github.wxcsdk.redis.RedisCoordination}). Built on Jedis.
 */
module io.github.wxcsdk.redis {
    exports io.github.wxcsdk.redis;

    requires transitive io.github.wxcsdk.conference;
    requires redis.clients.jedis;
    requires org.slf4j;
}
