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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stateful in-memory Webex server for the conference-control endpoints ({@code /v1/telephony/conference}), so that
 * the SDK can be exercised without Webex. It listens on 127.0.0.1 only.
 *
 * <p>Zero configuration: each unknown bearer token is a new person of the {@linkplain #DEFAULT_ORG_ID default org}
 * with isolated state: active calls (created with {@link #createCall(String)} or {@code POST /_simulator/calls}), one
 * conference per line, and pending {@linkplain Fault faults}. The conference operations follow the spec
 * {@code telephony-conference.yaml} and answer errors in the Webex error format.
 *
 * <p>The org model, for the member-scoped operations ({@code /telephony/conference/members/{memberId}/...}): orgs
 * ({@link #createOrg(String)}, {@link #createManagedOrg(String, String)}), their {@linkplain Member members}
 * (persons, workspaces, virtual lines, {@link #createMember(String, MemberType)}), user tokens of persons
 * ({@link #createUserToken(String)}), Service App tokens of orgs ({@link #createServiceAppToken(String)}), calls of
 * any member ({@link #createMemberCall(String)}) and a supervisor silently monitoring an agent
 * ({@link #startSupervision(String, String)}). A user token acts on its own member; a Service App token with
 * {@code spark-admin:calls_read} / {@code spark-admin:calls_write} on the members of its org and of the orgs it
 * manages.
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

    /** The org of the persons that unknown bearer tokens become. */
    public static final String DEFAULT_ORG_ID = Directory.DEFAULT_ORG_ID;

    /**
     * The scopes a Service App token gets unless told otherwise: {@code spark-admin:calls_read} and
     * {@code spark-admin:calls_write}, what the member-scoped operations require.
     */
    public static final Set<String> SERVICE_APP_SCOPES = SceneOperations.DEFAULT_SERVICE_APP_SCOPES;

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
    private final Directory directory;
    private final RateLimits rateLimits;
    private final OAuthServer oauth;
    private final int port;
    private final String baseUrl;
    private final AtomicBoolean closed = new AtomicBoolean();

    private WebexSimulator(HttpServer server, ExecutorService workers, Directory directory, RateLimits rateLimits,
            OAuthServer oauth) {
        this.server = server;
        this.workers = workers;
        this.directory = directory;
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
        Directory directory = new Directory(clock);
        RateLimits rateLimits = new RateLimits(clock);
        OAuthServer oauth = new OAuthServer(clock, directory);
        List<Route> routes = new ArrayList<>(ConferenceOperations.routes());
        routes.addAll(new ControlOperations(directory).routes());
        routes.addAll(new SceneOperations(directory).routes());
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
        server.createContext("/", new Router(directory, routes, new ApiGate(oauth, rateLimits)));
        server.start();
        WebexSimulator simulator = new WebexSimulator(server, workers, directory, rateLimits, oauth);
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
     * @throws IllegalArgumentException if {@code token} is empty, has spaces or non-ASCII characters, or is a Service
     *                                  App token
     * @throws IllegalStateException if the simulator is closed
     */
    public String createCall(String token) {
        ensureOpen();
        return control(() -> directory.createCall(userOf(token)));
    }

    /**
     * Creates an active call with a chosen id for the user who owns {@code token}, as {@code POST /_simulator/calls}
     * with {@code {"callId": ...}} does: for fixtures and provider states that name their calls.
     *
     * @param token  the user's access token, as sent in {@code Authorization: Bearer <token>}
     * @param callId the id the call gets
     * @throws NullPointerException if {@code token} or {@code callId} is null
     * @throws IllegalArgumentException if {@code token} is malformed or a Service App token, {@code callId} is blank,
     *                                  or the user already has a call with that id
     * @throws IllegalStateException if the simulator is closed
     */
    public void createCall(String token, String callId) {
        ensureOpen();
        requireId(callId, "callId");
        control(() -> {
            directory.createCall(userOf(token), callId);
            return null;
        });
    }

    /**
     * Forgets the pending faults of {@code token} and, for a user token, the user's calls and conferences, as
     * {@code POST /_simulator/reset} does. Other users are untouched.
     *
     * @param token the access token
     * @throws NullPointerException if {@code token} is null
     * @throws IllegalArgumentException if {@code token} is empty or has spaces or non-ASCII characters
     * @throws IllegalStateException if the simulator is closed
     */
    public void reset(String token) {
        ensureOpen();
        ControlOperations.reset(directory, directory.caller(Tokens.require(token)));
    }

    /**
     * Makes the next {@link Fault#count()} conference requests sent with {@code token} fail with the fault's status,
     * as {@code POST /_simulator/faults} does. Faults added earlier are served first. The control surface
     * ({@code /_simulator}) is never faulted.
     *
     * @param token the access token (of a user or of a Service App)
     * @param fault the fault to serve
     * @throws NullPointerException if {@code token} or {@code fault} is null
     * @throws IllegalArgumentException if {@code token} is empty or has spaces or non-ASCII characters
     * @throws IllegalStateException if the simulator is closed
     */
    public void addFault(String token, Fault fault) {
        ensureOpen();
        Objects.requireNonNull(fault, "fault");
        directory.caller(Tokens.require(token)).faults().add(fault);
    }

    /**
     * Shorthand for {@link #addFault(String, Fault)} without delay.
     *
     * @param token the access token
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
     * Creates an org with a generated id, managed by no one, as {@code POST /_simulator/orgs} with {@code {}} does.
     *
     * @return the new org
     * @throws IllegalStateException if the simulator is closed
     */
    public Org createOrg() {
        ensureOpen();
        return control(() -> directory.createOrg(Optional.empty(), Optional.empty()));
    }

    /**
     * Creates an org with a chosen id, managed by no one, as {@code POST /_simulator/orgs {"orgId": ...}} does.
     *
     * @param orgId the id, sent as {@code ?orgId=} by clients
     * @return the new org
     * @throws NullPointerException if {@code orgId} is null
     * @throws IllegalArgumentException if {@code orgId} is blank or already an org
     * @throws IllegalStateException if the simulator is closed
     */
    public Org createOrg(String orgId) {
        ensureOpen();
        requireId(orgId, "orgId");
        return control(() -> directory.createOrg(Optional.of(orgId), Optional.empty()));
    }

    /**
     * Creates an org managed by the partner org {@code partnerOrgId}, as
     * {@code POST /_simulator/orgs {"orgId": ..., "managedBy": ...}} does: the partner's Service App tokens may then
     * act on its members with {@code ?orgId=orgId}.
     *
     * @param orgId        the id of the new org
     * @param partnerOrgId an existing org that manages the new one
     * @return the new org
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if an argument is blank, {@code orgId} is already an org or
     *                                  {@code partnerOrgId} is none
     * @throws IllegalStateException if the simulator is closed
     */
    public Org createManagedOrg(String orgId, String partnerOrgId) {
        ensureOpen();
        requireId(orgId, "orgId");
        requireId(partnerOrgId, "partnerOrgId");
        return control(() -> directory.createOrg(Optional.of(orgId), Optional.of(partnerOrgId)));
    }

    /**
     * Creates a member with a generated id, as {@code POST /_simulator/members {"orgId": ..., "type": ...}} does.
     *
     * @param orgId the member's org, e.g. {@link #DEFAULT_ORG_ID}
     * @param type  person, workspace or virtual line
     * @return the new member
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code orgId} is blank or no org
     * @throws IllegalStateException if the simulator is closed
     */
    public Member createMember(String orgId, MemberType type) {
        ensureOpen();
        requireId(orgId, "orgId");
        Objects.requireNonNull(type, "type");
        return control(() -> directory.createMember(orgId, Optional.empty(), type));
    }

    /**
     * Creates a member with a chosen id, as {@code POST /_simulator/members} with a {@code memberId} does.
     *
     * @param orgId    the member's org
     * @param type     person, workspace or virtual line
     * @param memberId the id, unique in the simulator
     * @return the new member
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if an id is blank, {@code orgId} is no org or {@code memberId} is taken
     * @throws IllegalStateException if the simulator is closed
     */
    public Member createMember(String orgId, MemberType type, String memberId) {
        ensureOpen();
        requireId(orgId, "orgId");
        Objects.requireNonNull(type, "type");
        requireId(memberId, "memberId");
        return control(() -> directory.createMember(orgId, Optional.of(memberId), type));
    }

    /**
     * The member a user token speaks for, as {@code GET /_simulator/me} answers; an unknown token becomes a new person
     * of the default org first, as on any request.
     *
     * @param userToken the user's access token
     * @return the user's member
     * @throws NullPointerException if {@code userToken} is null
     * @throws IllegalArgumentException if {@code userToken} is malformed or a Service App token
     * @throws IllegalStateException if the simulator is closed
     */
    public Member memberOf(String userToken) {
        ensureOpen();
        Caller caller = directory.caller(Tokens.require(userToken));
        return control(() -> directory.memberOf(caller).member());
    }

    /**
     * Creates a user token with a generated value for a person, as {@code POST /_simulator/tokens {"memberId": ...}}
     * does. It acts on that person's own conferences ({@code /telephony/conference/...} and {@code members/me/...}).
     *
     * @param memberId a person
     * @return the token, to send as {@code Authorization: Bearer <token>}
     * @throws NullPointerException if {@code memberId} is null
     * @throws IllegalArgumentException if {@code memberId} is blank, no member, or a workspace or virtual line
     * @throws IllegalStateException if the simulator is closed
     */
    public String createUserToken(String memberId) {
        ensureOpen();
        requireId(memberId, "memberId");
        return control(() -> directory.createUserToken(memberId, Optional.empty()));
    }

    /**
     * Makes {@code token} a user token of a person, as {@code POST /_simulator/tokens} with a {@code token} does: for
     * provider states whose requests carry a fixed token.
     *
     * @param memberId a person
     * @param token    the token's value, visible ASCII without spaces, not in use yet
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code memberId} is blank, no member, or not a person, or {@code token} is
     *                                  malformed or in use (an unknown token becomes a default-org user on first use)
     * @throws IllegalStateException if the simulator is closed
     */
    public void createUserToken(String memberId, String token) {
        ensureOpen();
        requireId(memberId, "memberId");
        Tokens.require(token);
        control(() -> directory.createUserToken(memberId, Optional.of(token)));
    }

    /**
     * Creates a Service App token of an org with {@link #SERVICE_APP_SCOPES}, as
     * {@code POST /_simulator/tokens {"orgId": ...}} does.
     *
     * @param orgId the Service App's org
     * @return the token
     * @throws NullPointerException if {@code orgId} is null
     * @throws IllegalArgumentException if {@code orgId} is blank or no org
     * @throws IllegalStateException if the simulator is closed
     */
    public String createServiceAppToken(String orgId) {
        return createServiceAppToken(orgId, SERVICE_APP_SCOPES);
    }

    /**
     * Creates a Service App token of an org with the given scopes, as
     * {@code POST /_simulator/tokens {"orgId": ..., "scopes": [...]}} does; with too few scopes, member requests
     * answer 403.
     *
     * @param orgId  the Service App's org
     * @param scopes the token's scopes, possibly none
     * @return the token
     * @throws NullPointerException if an argument or a scope is null
     * @throws IllegalArgumentException if {@code orgId} is blank or no org
     * @throws IllegalStateException if the simulator is closed
     */
    public String createServiceAppToken(String orgId, Set<String> scopes) {
        ensureOpen();
        requireId(orgId, "orgId");
        Set<String> granted = Set.copyOf(scopes);
        return control(() -> directory.createServiceAppToken(orgId, granted, Optional.empty()));
    }

    /**
     * Makes {@code token} a Service App token of an org, as {@code POST /_simulator/tokens} with a {@code token}
     * does: for provider states whose requests carry a fixed token.
     *
     * @param orgId  the Service App's org
     * @param scopes the token's scopes, possibly none
     * @param token  the token's value, visible ASCII without spaces, not in use yet
     * @throws NullPointerException if an argument or a scope is null
     * @throws IllegalArgumentException if {@code orgId} is blank or no org, or {@code token} is malformed or in use
     * @throws IllegalStateException if the simulator is closed
     */
    public void createServiceAppToken(String orgId, Set<String> scopes, String token) {
        ensureOpen();
        requireId(orgId, "orgId");
        Set<String> granted = Set.copyOf(scopes);
        Tokens.require(token);
        control(() -> directory.createServiceAppToken(orgId, granted, Optional.of(token)));
    }

    /**
     * Creates an active call of any member, as {@code POST /_simulator/members/{memberId}/calls} does.
     *
     * @param memberId the member
     * @return the new call's id
     * @throws NullPointerException if {@code memberId} is null
     * @throws IllegalArgumentException if {@code memberId} is blank or no member
     * @throws IllegalStateException if the simulator is closed
     */
    public String createMemberCall(String memberId) {
        ensureOpen();
        requireId(memberId, "memberId");
        return control(() -> directory.createCall(directory.requireMember(memberId).state()));
    }

    /**
     * Creates an active call with a chosen id of any member, as {@code POST /_simulator/members/{memberId}/calls
     * {"callId": ...}} does.
     *
     * @param memberId the member
     * @param callId   the id the call gets
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if an argument is blank, {@code memberId} is no member, or the member already
     *                                  has that call
     * @throws IllegalStateException if the simulator is closed
     */
    public void createMemberCall(String memberId, String callId) {
        ensureOpen();
        requireId(memberId, "memberId");
        requireId(callId, "callId");
        control(() -> {
            directory.createCall(directory.requireMember(memberId).state(), callId);
            return null;
        });
    }

    /**
     * Makes {@code supervisorId} silently monitor a new call of {@code agentId}, as
     * {@code POST /_simulator/supervisions {"supervisorId": ..., "agentId": ...}} does: the supervisor then has a
     * conference of type {@code silentMonitoring} on its own line.
     *
     * @param supervisorId the supervising member
     * @param agentId      the supervised member, of the same org
     * @return the supervision, with the agent's new call and the supervisor's calls
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if an id is blank or no member, the two are one member or in different orgs,
     *                                  or the supervisor has a conference already
     * @throws IllegalStateException if the simulator is closed
     */
    public Supervision startSupervision(String supervisorId, String agentId) {
        ensureOpen();
        requireId(supervisorId, "supervisorId");
        requireId(agentId, "agentId");
        return control(() -> directory.startSupervision(supervisorId, agentId, Optional.empty()));
    }

    /**
     * Makes {@code supervisorId} silently monitor the call {@code agentCallId} of {@code agentId}, as
     * {@code POST /_simulator/supervisions} with an {@code agentCallId} does.
     *
     * @param supervisorId the supervising member
     * @param agentId      the supervised member, of the same org
     * @param agentCallId  an active call of the agent
     * @return the supervision
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if an id is blank or unknown, the two are one member or in different orgs,
     *                                  or the supervisor has a conference already
     * @throws IllegalStateException if the simulator is closed
     */
    public Supervision startSupervision(String supervisorId, String agentId, String agentCallId) {
        ensureOpen();
        requireId(supervisorId, "supervisorId");
        requireId(agentId, "agentId");
        requireId(agentCallId, "agentCallId");
        return control(() -> directory.startSupervision(supervisorId, agentId, Optional.of(agentCallId)));
    }

    /**
     * Forgets every org but the default one, every member, token, call, conference and fault, as
     * {@code POST /_simulator/resetAll} does: the simulator is as if just started (generated ids keep counting).
     *
     * @throws IllegalStateException if the simulator is closed
     */
    public void resetAll() {
        ensureOpen();
        directory.clear();
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

    /** The calls and conferences of the user who owns {@code token}. */
    private UserState userOf(String token) {
        return directory.memberOf(directory.caller(Tokens.require(token))).state();
    }

    /** Runs a control action, turning its Webex error into the IllegalArgumentException of the Java API. */
    private static <T> T control(Supplier<T> action) {
        try {
            return action.get();
        } catch (ApiException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static void requireId(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("the simulator on port " + port + " is closed");
        }
    }
}
