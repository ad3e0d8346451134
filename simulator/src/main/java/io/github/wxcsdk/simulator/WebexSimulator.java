package io.github.wxcsdk.simulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stateful in-memory Webex server for the conference-control endpoints ({@code /v1/telephony/conference}), so that
 * the SDK can be exercised without Webex. It listens on 127.0.0.1 only.
 *
 * <p>Each bearer token is one user with isolated state: active calls (created with {@link #createCall(String)} or
 * {@code POST /_simulator/calls}), one conference per line, and pending {@linkplain Fault faults}. The conference
 * operations follow the spec {@code telephony-conference.yaml} and answer errors in the Webex error format.
 *
 * <pre>{@code
 * try (WebexSimulator sim = WebexSimulator.start()) {
 *     String a = sim.createCall("token"), b = sim.createCall("token");
 *     // point the SDK at sim.baseUrl() with the access token "token", then start a conference of a and b
 * }
 * }</pre>
 *
 * <p>{@link #rateLimits()} limits each bearer token's Webex API requests (token bucket or fixed window, 429 with
 * {@code Retry-After}) and counts them; {@link #oauth()} is an offline Webex OAuth server ({@code /v1/access_token},
 * {@code /v1/authorize}) whose access tokens act as a registered user and answer 401 once expired or revoked.
 *
 * <p>Thread-safe: every method may be called from any thread, concurrently with requests being served.
 *
 * <p>Loading this class sets the system property {@code sun.net.httpserver.nodelay} to {@code true} unless it is
 * set already: the JDK server sends a response's headers and body in separate packets, and without
 * {@code TCP_NODELAY} every answer waits about 40 ms for the client's delayed ACK. The JDK reads the property once,
 * when the JVM's first {@code HttpServer} is created.
 */
public final class WebexSimulator implements AutoCloseable {
    /** The path prefix of the Webex API, part of {@link #baseUrl()}. */
    static final String API_PREFIX = "/v1";

    private static final Logger LOG = LoggerFactory.getLogger(WebexSimulator.class);
    private static final String HOST = "127.0.0.1";
    private static final int WORKER_THREADS = 8;
    private static final int QUEUED_REQUESTS = 256;
    private static final int BACKLOG = 64;
    private static final Duration WORKER_STOP_TIMEOUT = Duration.ofSeconds(2);
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

    static {
        if (System.getProperty(NODELAY_PROPERTY) == null) {
            System.setProperty(NODELAY_PROPERTY, "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService workers;
    private final UserRegistry users;
    private final RateLimits rateLimits;
    private final OAuthServer oauth;
    private final int port;
    private final String baseUrl;
    private final AtomicBoolean closed = new AtomicBoolean();

    private WebexSimulator(HttpServer server, ExecutorService workers, UserRegistry users, RateLimits rateLimits,
            OAuthServer oauth) {
        this.server = server;
        this.workers = workers;
        this.users = users;
        this.rateLimits = rateLimits;
        this.oauth = oauth;
        this.port = server.getAddress().getPort();
        this.baseUrl = "http://" + HOST + ":" + port + API_PREFIX;
    }

    /**
     * Starts a simulator on a free ephemeral port of 127.0.0.1.
     *
     * @return the running simulator; close it when done
     * @throws UncheckedIOException if the server socket cannot be opened
     */
    public static WebexSimulator start() {
        return start(0);
    }

    /**
     * Starts a simulator on the given port of 127.0.0.1.
     *
     * @param port the TCP port, or 0 for a free ephemeral one
     * @return the running simulator; close it when done
     * @throws IllegalArgumentException if {@code port} is not between 0 and 65535
     * @throws UncheckedIOException if the port cannot be bound, for instance because it is in use
     */
    public static WebexSimulator start(int port) {
        return start(port, Clock.systemUTC());
    }

    /**
     * Starts a simulator with its own time source: conference {@code created} stamps, rate limits and OAuth token
     * lifetimes all read {@code clock}, so a test with a fake clock is deterministic.
     *
     * @param port the TCP port, or 0 for a free ephemeral one
     * @param clock the time source
     * @return the running simulator; close it when done
     * @throws NullPointerException if {@code clock} is null
     * @throws IllegalArgumentException if {@code port} is not between 0 and 65535
     * @throws UncheckedIOException if the port cannot be bound, for instance because it is in use
     */
    public static WebexSimulator start(int port, Clock clock) {
        Objects.requireNonNull(clock, "clock");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        UserRegistry users = new UserRegistry(clock);
        RateLimits rateLimits = new RateLimits(clock);
        OAuthServer oauth = new OAuthServer(clock, users);
        List<Route> routes = new ArrayList<>(ConferenceOperations.routes());
        routes.addAll(new ControlOperations(users).routes());
        routes.addAll(new RateLimitControl(rateLimits).routes());
        routes.addAll(new OAuthControl(oauth).routes());
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(HOST, port), BACKLOG);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on " + HOST + ":" + port + ": " + e.getMessage(), e);
        }
        ExecutorService workers = newWorkers(INSTANCES.incrementAndGet());
        server.setExecutor(workers);
        server.createContext("/", new Router(users, routes, new ApiGate(oauth, rateLimits)));
        server.start();
        WebexSimulator simulator = new WebexSimulator(server, workers, users, rateLimits, oauth);
        // DEBUG: whoever started it shows the URL (the standalone main prints it on stdout; once is enough)
        LOG.debug("Webex simulator serving {}", simulator.baseUrl);
        return simulator;
    }

    /**
     * Daemon threads, so a simulator left open never keeps a JVM alive; when all are busy and the queue is full the
     * accepting thread serves the request itself, which slows clients down instead of failing them.
     */
    private static ExecutorService newWorkers(int instance) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = task -> {
            Thread thread = new Thread(task, "wxcsim-" + instance + "-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return new ThreadPoolExecutor(WORKER_THREADS, WORKER_THREADS, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(QUEUED_REQUESTS), threads, new ThreadPoolExecutor.CallerRunsPolicy());
    }

    /**
     * The port the simulator listens on, on 127.0.0.1.
     *
     * @return the TCP port, never 0
     */
    public int port() {
        return port;
    }

    /**
     * The base URL an SDK client uses instead of {@code https://webexapis.com/v1}.
     *
     * @return for example {@code http://127.0.0.1:50123/v1}, without a trailing slash
     */
    public String baseUrl() {
        return baseUrl;
    }

    /**
     * The per-token rate limits of the Webex API and their counters (admitted, answered 429), as
     * {@code /_simulator/rate-limit} and {@code --rate-limit} set them. No limit by default.
     *
     * @return this simulator's rate limits
     */
    public RateLimits rateLimits() {
        return rateLimits;
    }

    /**
     * The OAuth server behind {@code POST /v1/access_token} and {@code GET /v1/authorize}: register integrations,
     * issue initial tokens, revoke tokens, as {@code /_simulator/oauth/...} does.
     *
     * @return this simulator's OAuth server
     */
    public OAuthServer oauth() {
        return oauth;
    }

    /**
     * Creates an active call of the user who owns {@code token}, as {@code POST /_simulator/calls} does.
     *
     * @param token the user's access token, as sent in {@code Authorization: Bearer <token>}
     * @return the new call's id, opaque like a Webex call id
     * @throws NullPointerException if {@code token} is null
     * @throws IllegalArgumentException if {@code token} is empty or has spaces or non-ASCII characters
     * @throws IllegalStateException if the simulator is closed
     */
    public String createCall(String token) {
        ensureOpen();
        return users.createCall(Tokens.require(token));
    }

    /**
     * Creates an active call with a chosen id for the user who owns {@code token}, as {@code POST /_simulator/calls}
     * with {@code {"callId": ...}} does: for fixtures and provider states that name their calls.
     *
     * @param token  the user's access token, as sent in {@code Authorization: Bearer <token>}
     * @param callId the id the call gets
     * @throws NullPointerException if {@code token} or {@code callId} is null
     * @throws IllegalArgumentException if {@code token} is malformed, {@code callId} is blank, or the user already
     *                                  has a call with that id
     * @throws IllegalStateException if the simulator is closed
     */
    public void createCall(String token, String callId) {
        ensureOpen();
        java.util.Objects.requireNonNull(callId, "callId");
        if (callId.isBlank()) {
            throw new IllegalArgumentException("callId must not be blank");
        }
        try {
            users.createCall(Tokens.require(token), callId);
        } catch (ApiException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * Forgets the calls, conferences and pending faults of the user who owns {@code token}, as
     * {@code POST /_simulator/reset} does. Other users are untouched.
     *
     * @param token the user's access token
     * @throws NullPointerException if {@code token} is null
     * @throws IllegalArgumentException if {@code token} is empty or has spaces or non-ASCII characters
     * @throws IllegalStateException if the simulator is closed
     */
    public void reset(String token) {
        ensureOpen();
        users.user(Tokens.require(token)).clear();
    }

    /**
     * Makes the next {@link Fault#count()} conference requests of the user who owns {@code token} fail with the
     * fault's status, as {@code POST /_simulator/faults} does. Faults added earlier are served first. The control
     * surface ({@code /_simulator}) is never faulted.
     *
     * @param token the user's access token
     * @param fault the fault to serve
     * @throws NullPointerException if {@code token} or {@code fault} is null
     * @throws IllegalArgumentException if {@code token} is empty or has spaces or non-ASCII characters
     * @throws IllegalStateException if the simulator is closed
     */
    public void addFault(String token, Fault fault) {
        ensureOpen();
        users.user(Tokens.require(token)).addFault(Objects.requireNonNull(fault, "fault"));
    }

    /**
     * Shorthand for {@link #addFault(String, Fault)} without delay.
     *
     * @param token the user's access token
     * @param status the HTTP status to answer, 400 to 599
     * @param retryAfterSeconds the {@code Retry-After} header in seconds, or {@code null} for none
     * @param count how many consecutive requests fail, at least 1
     * @throws NullPointerException if {@code token} is null
     * @throws IllegalArgumentException if {@code token} or any fault value is invalid
     * @throws IllegalStateException if the simulator is closed
     */
    public void addFault(String token, int status, Integer retryAfterSeconds, int count) {
        Fault fault = Fault.of(status)
                .withRetryAfter(retryAfterSeconds == null ? null : Duration.ofSeconds(retryAfterSeconds))
                .withCount(count);
        addFault(token, fault);
    }

    /**
     * Stops serving at once: the port is released, requests in progress are cut off. Calling it again does nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.stop(0);
        workers.shutdownNow();
        try {
            if (!workers.awaitTermination(WORKER_STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Webex simulator on port {}: workers still busy after {}", port, WORKER_STOP_TIMEOUT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("Webex simulator on port {} stopped", port);
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("the simulator on port " + port + " is closed");
        }
    }
}
