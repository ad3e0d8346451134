/**
 * {@link io.github.wxcsdk.redis.RedisCoordination}: the {@link io.github.wxcsdk.ClientCoordination} of replicas that
 * share a Redis (artifact {@code wxc-sdk-redis}).
 */
package io.github.wxcsdk.redis;
