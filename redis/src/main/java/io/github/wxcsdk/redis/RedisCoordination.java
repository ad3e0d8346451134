package io.github.wxcsdk.redis;

import io.github.wxcsdk.ClientCoordination;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.SslOptions;
import redis.clients.jedis.util.JedisURIHelper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The {@link ClientCoordination} of replicas that share a Redis: the throttle of a token and its OAuth token set live
 * in Redis, changed only by Lua scripts (one round trip, atomic).
 *
 * <pre>{@code
 * RedisCoordination redis = RedisCoordination.connect("rediss://wxc:" + password + "@redis.internal:6380/0");
 * OAuthTokenProvider tokens = OAuthTokenProvider.builder()...coordination(redis).build();
 * WebexSimpleApi api = WebexSimpleApi.builder().tokenProvider(tokens).coordination(redis).build();
 * }</pre>
 *
 * <p><b>Keys</b> (one Redis database, standalone or a primary; Redis Cluster is not supported): under the prefix
 * {@code wxc-sdk:}, then the identity in braces (a hex SHA-256 that the SDK derives, never a token):
 * {@code wxc-sdk:{id}:throttle} (a hash: version, pace, gate end, time of the update; expires 10 minutes after the last
 * update; an update within a second of the previous one belongs to the same congestion and replaces its pace only
 * when it ends the doubling or is higher, so all replicas take the best measured pace of the congestion), {@code wxc-sdk:{id}:replicas} (a sorted set of the live replicas' random ids), {@code wxc-sdk:{id}:tokens}
 * (the token set, AES-GCM encrypted by the SDK with a key derived from the client secret) and
 * {@code wxc-sdk:{id}:lease} (the random id of the provider that refreshes, with an expiry).
 *
 * <p><b>Bounded.</b> Every operation is given {@value #DEFAULT_TIMEOUT_MILLIS} ms to connect and as long to answer;
 * operations run on this instance's two threads, never on the caller's. When Redis does not answer, the stage fails,
 * the SDK goes on alone, one WARN is logged (and one INFO when Redis answers again), and for the next second
 * operations fail at once without trying, so a dead Redis costs calls nothing. Nothing stored is ever logged.
 *
 * <p>Thread-safe. {@link #close()} ends its threads and connections; clients still using it then go on alone.
 */
public final class RedisCoordination implements ClientCoordination, AutoCloseable {
    /** The time every Redis operation is given to connect, and as long to answer. */
    public static final int DEFAULT_TIMEOUT_MILLIS = 200;

    private static final Logger LOG = LoggerFactory.getLogger(RedisCoordination.class);
    private static final String PREFIX = "wxc-sdk:{";
    /** A replica is live while its last heartbeat is younger than this. */
    private static final long LIVE_WINDOW_MILLIS = 3_000;
    private static final long THROTTLE_LIFETIME_MILLIS = 600_000;
    /** Updates within this time of the previous one belong to the same congestion: the first one's pace holds. */
    private static final long SETTLE_MILLIS = 1_000;
    private static final long PAUSE_AFTER_FAILURE_NANOS = 1_000_000_000L;
    private static final int THREADS = 2;
    private static final int QUEUE = 256;

    private static final String THROTTLE = script("throttle.lua");
    private static final String LEASE = script("lease.lua");
    private static final String RELEASE = script("release.lua");
    private static final String PUBLISH = script("publish.lua");

    private final RedisClient redis;
    private final String endpoint;
    private final ThreadPoolExecutor executor;
    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicLong roundTrips = new AtomicLong();
    private volatile long retryAtNanos = Long.MIN_VALUE;

    private RedisCoordination(URI uri, int timeoutMillis) {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(timeoutMillis)
                .socketTimeoutMillis(timeoutMillis)
                .clientName("wxc-sdk-java");
        if (JedisURIHelper.isRedisSSLScheme(uri)) {
            // the JVM's trust store, and the host name checked against the certificate
            config.sslOptions(SslOptions.defaults());
        }
        String user = JedisURIHelper.getUser(uri);
        String password = JedisURIHelper.getPassword(uri);
        if (user != null) {
            config.user(user);
        }
        if (password != null) {
            config.password(password);
        }
        if (JedisURIHelper.hasDbIndex(uri)) {
            config.database(JedisURIHelper.getDBIndex(uri));
        }
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(THREADS + 1);
        pool.setMaxIdle(THREADS + 1);
        pool.setMinIdle(0);
        pool.setMaxWait(Duration.ofMillis(timeoutMillis));
        pool.setJmxEnabled(false);
        this.redis = RedisClient.builder()
                .hostAndPort(JedisURIHelper.getHostAndPort(uri))
                .clientConfig(config.build())
                .poolConfig(pool)
                .build();
        this.endpoint = uri.getScheme() + "://" + uri.getHost() + ":" + (uri.getPort() < 0 ? 6379 : uri.getPort());
        String instance = Integer.toHexString(System.identityHashCode(this));
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE),
                task -> {
                    Thread thread = new Thread(task, "wxc-sdk-redis-" + instance + "-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
    }

    /**
     * Connects to Redis lazily: nothing is sent until a client needs it, so a Redis that is down when the service
     * starts fails nothing (the clients go on alone until it is up).
     *
     * @param redisUri {@code redis://[[user]:password@]host[:port][/database]}, or {@code rediss://} for TLS (the
     *                 JVM's trust store verifies the server); user and password are those of a Redis ACL user (or
     *                 only a password for {@code requirepass}), URL-encoded
     * @return the coordination; close it when the service stops
     * @throws NullPointerException     when {@code redisUri} is {@code null}
     * @throws IllegalArgumentException when it is not a {@code redis://} or {@code rediss://} URI with a host (the
     *                                  message never shows the password)
     */
    public static RedisCoordination connect(String redisUri) {
        return connect(redisUri, Duration.ofMillis(DEFAULT_TIMEOUT_MILLIS));
    }

    /**
     * {@link #connect(String)} with another operation timeout.
     *
     * @param redisUri as for {@link #connect(String)}
     * @param timeout  the time every operation is given to connect, and as long to answer; 10 ms to 10 s
     * @return the coordination
     * @throws NullPointerException     when an argument is {@code null}
     * @throws IllegalArgumentException when the URI is not valid or the timeout out of range
     */
    public static RedisCoordination connect(String redisUri, Duration timeout) {
        Objects.requireNonNull(redisUri, "redisUri must not be null");
        Objects.requireNonNull(timeout, "timeout must not be null");
        if (timeout.compareTo(Duration.ofMillis(10)) < 0 || timeout.compareTo(Duration.ofSeconds(10)) > 0) {
            throw new IllegalArgumentException("timeout must be between 10 ms and 10 s: " + timeout);
        }
        URI uri;
        try {
            uri = new URI(redisUri);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not a redis:// or rediss:// URI (the value is not shown)");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("redis") || scheme.equals("rediss")) || uri.getHost() == null) {
            throw new IllegalArgumentException("Not a redis:// or rediss:// URI with a host (the value is not shown)");
        }
        return new RedisCoordination(uri, (int) timeout.toMillis());
    }

    @Override
    public CompletionStage<SharedThrottle> exchangeThrottle(String identity, String replica, ThrottleUpdate update) {
        List<String> keys = List.of(key(identity, "throttle"), key(identity, "replicas"));
        List<String> args = update == null
                ? List.of(replica, "0", "0", "0", "0", Long.toString(LIVE_WINDOW_MILLIS),
                        Long.toString(THROTTLE_LIFETIME_MILLIS), Long.toString(SETTLE_MILLIS))
                : List.of(replica, "1", Double.toString(update.requestsPerSecond()), update.probing() ? "1" : "0",
                        Long.toString(update.gate().toMillis()), Long.toString(LIVE_WINDOW_MILLIS),
                        Long.toString(THROTTLE_LIFETIME_MILLIS), Long.toString(SETTLE_MILLIS));
        return run(() -> {
            List<?> answer = (List<?>) redis.eval(THROTTLE, keys, args);
            return new SharedThrottle(Long.parseLong(text(answer.get(0))), Double.parseDouble(text(answer.get(1))),
                    "1".equals(text(answer.get(2))), Duration.ofMillis(Long.parseLong(text(answer.get(3)))),
                    Duration.ofMillis(Long.parseLong(text(answer.get(4)))),
                    Math.max(1, Integer.parseInt(text(answer.get(5)))));
        });
    }

    @Override
    public CompletionStage<Optional<String>> readTokenSet(String identity) {
        String key = key(identity, "tokens");
        return run(() -> Optional.ofNullable(redis.get(key)));
    }

    @Override
    public CompletionStage<Boolean> tryRefreshLease(String identity, String holder, Duration lease) {
        List<String> keys = List.of(key(identity, "lease"));
        List<String> args = List.of(holder, Long.toString(Math.max(1, lease.toMillis())));
        return run(() -> Long.valueOf(1).equals(redis.eval(LEASE, keys, args)));
    }

    @Override
    public CompletionStage<Void> releaseRefreshLease(String identity, String holder) {
        List<String> keys = List.of(key(identity, "lease"));
        List<String> args = List.of(holder);
        return run(() -> {
            redis.eval(RELEASE, keys, args);
            return null;
        });
    }

    @Override
    public CompletionStage<Boolean> publishTokenSet(String identity, String holder, String value) {
        List<String> keys = List.of(key(identity, "lease"), key(identity, "tokens"));
        List<String> args = List.of(holder, value);
        return run(() -> Long.valueOf(1).equals(redis.eval(PUBLISH, keys, args)));
    }

    /** @return the Redis operations (round trips) this instance sent so far, for measurements */
    public long roundTrips() {
        return roundTrips.get();
    }

    /** Ends this instance's threads and connections. Clients that still use it go on alone. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            executor.shutdownNow();
            redis.close();
        }
    }

    /** @return the endpoint without credentials */
    @Override
    public String toString() {
        return "RedisCoordination(" + endpoint + ")";
    }

    private <T> CompletionStage<T> run(Supplier<T> operation) {
        if (closed.get()) {
            return CompletableFuture.failedFuture(new IllegalStateException("RedisCoordination is closed"));
        }
        if (down.get() && System.nanoTime() - retryAtNanos < 0) {
            return CompletableFuture.failedFuture(new IllegalStateException("Redis unavailable; retried shortly"));
        }
        try {
            return CompletableFuture.supplyAsync(() -> attempt(operation), executor);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new IllegalStateException("Redis operations are queued up"));
        }
    }

    private <T> T attempt(Supplier<T> operation) {
        roundTrips.incrementAndGet();
        T result;
        try {
            result = operation.get();
        } catch (RuntimeException e) {
            retryAtNanos = System.nanoTime() + PAUSE_AFTER_FAILURE_NANOS;
            // idle connections to a Redis that restarted are broken too: the next operation connects anew
            clearIdleConnections();
            if (down.compareAndSet(false, true)) {
                // the exception's class only: its message could quote a command's arguments
                LOG.warn("Redis at {} does not answer ({}); each client throttles and refreshes alone until it is"
                        + " back", endpoint, e.getClass().getSimpleName());
            }
            throw e;
        }
        if (down.compareAndSet(true, false)) {
            LOG.info("Redis at {} answers again; clients share the throttle and tokens again", endpoint);
        }
        return result;
    }

    private void clearIdleConnections() {
        try {
            redis.getPool().clear();
        } catch (RuntimeException ignored) {
            // closing a broken connection may fail: it is gone either way
        }
    }

    private static String key(String identity, String what) {
        if (identity == null || !identity.matches("[0-9a-f]{16,128}")) {
            throw new IllegalArgumentException("identity must be a lowercase hex hash");
        }
        return PREFIX + identity + "}:" + what;
    }

    private static String text(Object value) {
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return String.valueOf(value);
    }

    private static String script(String name) {
        try (InputStream in = RedisCoordination.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
