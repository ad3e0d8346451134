package io.github.wxcsdk.internal.throttle;

import io.github.wxcsdk.ClientCoordination;
import io.github.wxcsdk.ClientCoordination.SharedThrottle;
import io.github.wxcsdk.ClientCoordination.ThrottleUpdate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Shares one client's {@link RequestThrottle} with the other replicas that use the same token, through a
 * {@link ClientCoordination}:
 * <ul>
 *   <li>a heartbeat about once a second while calls are made ({@link #HEARTBEAT_NANOS}; four times a second while
 *       pacing), never one per call: it tells the others this replica is live and answers the shared state;</li>
 *   <li>a {@code 429} that changed this throttle's pace (or closed its gate) is published at once, as the pace of all
 *       replicas together (this replica's pace times the live replicas);</li>
 *   <li>a newer state published by another replica is adopted: the gate, and this replica's fair share of the pace
 *       (the pace over the live replicas); a change in the number of live replicas rescales the share.</li>
 * </ul>
 * When the coordination fails (Redis down), nothing changes here: the throttle goes on alone with what it has, and
 * the next heartbeat tries again. The identity is {@code SHA-256("wxc-sdk-java throttle v1\n" + access token)} in
 * hex: Webex limits each token, and the token never leaves the process. Thread-safe.
 */
public final class ThrottleCoordinator implements RequestThrottle.Learning {
    /** Heartbeat period while the throttle is off. */
    static final long HEARTBEAT_NANOS = 1_000_000_000L;
    /** Heartbeat period while pacing. */
    static final long PACING_HEARTBEAT_NANOS = 250_000_000L;
    /** A pace older than this is not taken over by a replica that is not pacing yet: it is stale. */
    static final Duration FRESH = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger("io.github.wxcsdk.throttle");

    private final ClientCoordination coordination;
    private final RequestThrottle throttle;
    private final LongSupplier nanoTime;
    private final String replica = UUID.randomUUID().toString();
    private final AtomicBoolean heartbeatInFlight = new AtomicBoolean();
    private final AtomicLong nextHeartbeat;
    private final AtomicLong requests = new AtomicLong();

    /** The last token seen (compared by reference: the provider hands out the same instance until it changes). */
    private volatile String token;
    private volatile String identity;
    private volatile int replicas = 1;

    // guarded by this
    private long appliedRequest;
    private long seenVersion;

    /**
     * @param coordination where the replicas share the throttle
     * @param throttle     this client's throttle; it tells this coordinator what its {@code 429}s taught
     * @param nanoTime     the throttle's time
     */
    public ThrottleCoordinator(ClientCoordination coordination, RequestThrottle throttle, LongSupplier nanoTime) {
        this.coordination = coordination;
        this.throttle = throttle;
        this.nanoTime = nanoTime;
        this.nextHeartbeat = new AtomicLong(nanoTime.getAsLong());
        throttle.learnedBy(this);
    }

    /**
     * The token an attempt is sent with: its hash names the shared state. Costs a reference comparison unless the
     * token changed.
     *
     * @param accessToken the token
     */
    public void tokenUsed(String accessToken) {
        if (accessToken != token) {
            String id = identity(accessToken);
            identity = id;
            token = accessToken;
        }
    }

    /**
     * Called before each attempt takes its turn: sends a heartbeat when one is due (one volatile read and a compare
     * otherwise). Never blocks; the answer is applied when it arrives.
     *
     * @param nowNanos the current time
     */
    public void beforeTurn(long nowNanos) {
        long due = nextHeartbeat.get();
        if (nowNanos - due < 0 || identity == null) {
            return;
        }
        long period = Double.isInfinite(throttle.requestsPerSecond()) ? HEARTBEAT_NANOS : PACING_HEARTBEAT_NANOS;
        if (!nextHeartbeat.compareAndSet(due, nowNanos + period) || !heartbeatInFlight.compareAndSet(false, true)) {
            return;
        }
        exchange(null, () -> heartbeatInFlight.set(false));
    }

    @Override
    public void learned(double requestsPerSecond, boolean probing, long gateUntilNanos, long nowNanos) {
        if (identity == null) {
            return;
        }
        long gate = Math.max(0, gateUntilNanos - nowNanos);
        exchange(new ThrottleUpdate(requestsPerSecond * replicas, probing, Duration.ofNanos(gate)), () -> { });
    }

    private void exchange(ThrottleUpdate update, Runnable done) {
        String id = identity;
        long request = requests.incrementAndGet();
        try {
            coordination.exchangeThrottle(id, replica, update).whenComplete((shared, failure) -> {
                try {
                    if (shared != null) {
                        // the store kept an earlier pace of the same congestion: take it as another replica's
                        boolean mine = update != null && shared.requestsPerSecond() == update.requestsPerSecond()
                                && shared.probing() == update.probing();
                        apply(request, shared, mine, update != null && !mine);
                    } else {
                        LOG.debug("throttle coordination unavailable ({}); this client throttles alone",
                                failure == null ? "no answer" : failure.getClass().getSimpleName());
                    }
                } finally {
                    done.run();
                }
            });
        } catch (RuntimeException e) {
            // an implementation that throws instead of failing the stage: still never a failed call
            done.run();
            LOG.debug("throttle coordination failed ({}); this client throttles alone", e.getClass().getSimpleName());
        }
    }

    /**
     * @param mine      the answer to this replica's update, which the store took
     * @param overruled the answer to this replica's update, which the store did not take (another replica's pace of
     *                  the same congestion holds): taken over like another replica's
     */
    private void apply(long request, SharedThrottle shared, boolean mine, boolean overruled) {
        long now = nanoTime.getAsLong();
        boolean adopt;
        int oldReplicas;
        synchronized (this) {
            if (request < appliedRequest) {
                return;     // an older answer overtaken by a newer one
            }
            appliedRequest = request;
            oldReplicas = replicas;
            replicas = shared.replicas();
            // a different version is news, also a lower one (Redis restarted and lost its state)
            adopt = shared.requestsPerSecond() > 0 && (overruled || !mine && shared.version() != seenVersion
                    && (shared.age().compareTo(FRESH) < 0 || !Double.isInfinite(throttle.requestsPerSecond())));
            seenVersion = shared.version();
        }
        if (adopt) {
            throttle.adopt(now, shared.requestsPerSecond() / shared.replicas(), shared.probing(),
                    now + shared.gateRemaining().toNanos());
        } else if (oldReplicas != shared.replicas()) {
            throttle.rescale(now, oldReplicas / (double) shared.replicas());
        }
    }

    /**
     * @param accessToken the token
     * @return the hex SHA-256 of the throttle's domain and the token: the shared state's identity
     */
    public static String identity(String accessToken) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("wxc-sdk-java throttle v1\n".getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(accessToken.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** @return the replicas live at the last answer, for tests and measurements */
    public int replicas() {
        return replicas;
    }
}
