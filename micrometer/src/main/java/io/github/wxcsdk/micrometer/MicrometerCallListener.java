package io.github.wxcsdk.micrometer;

import io.github.wxcsdk.AttemptEvent;
import io.github.wxcsdk.CallAttribute;
import io.github.wxcsdk.CallEvent;
import io.github.wxcsdk.CallListener;
import io.github.wxcsdk.CallOutcome;
import io.github.wxcsdk.CallStart;
import io.github.wxcsdk.ThrottleEvent;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records every call of a wxc-sdk-java client in a Micrometer {@link MeterRegistry}, and, when given an
 * {@link ObservationRegistry}, as a Micrometer {@link Observation}, so that an application with Micrometer Tracing (a
 * Spring Boot application, say) gets a span per call too.
 *
 * <pre>{@code
 * WebexSimpleApi api = WebexSimpleApi.builder()
 *         .accessToken(token)
 *         .callListener(MicrometerCallListener.of(meterRegistry))
 *         .build();
 * }</pre>
 *
 * <p>The meters (no tag ever carries an id, a token or a concrete path; {@code operation} is the spec's operationId,
 * {@code uri} the spec's path template):
 * <table>
 *   <caption>Meters</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th><th>one per</th></tr>
 *   <tr><td>{@value #CALLS}</td><td>timer</td><td>{@code operation}, {@code outcome} ({@link CallOutcome}),
 *       {@code status} (the last HTTP status, {@code NONE} without an answer)</td><td>call, its whole time with
 *       retries and waits</td></tr>
 *   <tr><td>{@value #RETRIES}</td><td>timer</td><td>{@code operation}, {@code reason} (the {@link CallOutcome} of
 *       the attempt that failed), {@code status}</td><td>retry; records the wait before it</td></tr>
 *   <tr><td>{@value #THROTTLE_WAITS}</td><td>timer</td><td>{@code operation}</td><td>call that waited for the
 *       client's throttle; records the time it waited</td></tr>
 *   <tr><td>{@value #TOKEN_FETCHES}</td><td>timer</td><td>none</td><td>attempt; records the time spent getting its
 *       token (long when the token provider refreshed it)</td></tr>
 *   <tr><td>{@value #THROTTLE_PACE}</td><td>gauge</td><td>none</td><td>the pace of the client's throttle in
 *       requests per second, registered when the throttle starts pacing</td></tr>
 *   <tr><td>{@value #HTTP_CLIENT_REQUESTS}</td><td>timer</td><td>Spring's: {@code method}, {@code uri},
 *       {@code status}, {@code outcome}, {@code client.name}, {@code exception}, {@code error}</td><td>attempt (HTTP
 *       exchange)</td></tr>
 * </table>
 *
 * <p>With an {@link ObservationRegistry} ({@link #of(MeterRegistry, ObservationRegistry)}), each call is an
 * observation named {@value #CALLS} (contextual name {@code POST /telephony/conference/mute}, sender kind
 * {@code CLIENT}) with the low-cardinality keys {@code operation}, {@code outcome} and {@code status} and the
 * high-cardinality key {@code webex.tracking_id}; its parent is the observation current on the calling thread when
 * the call was made. The {@value #CALLS} timer then comes from the observation registry's meter handler, as Spring's
 * HTTP clients' timers do (with Micrometer's extra {@code error} tag), and this listener does not record it itself;
 * while the observation registry has no handler at all ({@link ObservationRegistry#isNoop()}), it does.
 *
 * <p>Immutable and thread-safe; one instance may serve several clients (their meters then add up; the pace gauge
 * shows the last pace reported by any of them).
 */
public final class MicrometerCallListener implements CallListener {
    /** The timer of whole calls. */
    public static final String CALLS = "webex.sdk.calls";
    /** The timer of retries, recording the wait before each. */
    public static final String RETRIES = "webex.sdk.retries";
    /** The timer of calls that waited for the client's throttle, recording the wait. */
    public static final String THROTTLE_WAITS = "webex.sdk.throttle.waits";
    /** The timer of the time spent getting a token, one per attempt. */
    public static final String TOKEN_FETCHES = "webex.sdk.token.fetches";
    /** The gauge of the throttle's pace, in requests per second. */
    public static final String THROTTLE_PACE = "webex.sdk.throttle.pace";
    /** Spring's timer of HTTP client exchanges, one per attempt. */
    public static final String HTTP_CLIENT_REQUESTS = "http.client.requests";

    private static final CallAttribute<Observation> OBSERVATION =
            CallAttribute.named("io.github.wxcsdk.micrometer.observation");
    private static final String NONE = "NONE";

    private final MeterRegistry registry;
    private final ObservationRegistry observations;
    private final Timer tokenFetches;
    private final ConcurrentMap<CallKey, Timer> calls = new ConcurrentHashMap<>();
    private final ConcurrentMap<CallKey, Timer> retries = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Timer> throttleWaits = new ConcurrentHashMap<>();
    private final ConcurrentMap<ExchangeKey, Timer> exchanges = new ConcurrentHashMap<>();
    /** The last pace reported, as {@link Double#doubleToLongBits(double)}; read by the gauge. */
    private final AtomicLong pace = new AtomicLong(Double.doubleToLongBits(Double.NaN));
    private volatile boolean paceRegistered;

    private MicrometerCallListener(MeterRegistry registry, ObservationRegistry observations) {
        this.registry = registry;
        this.observations = observations;
        this.tokenFetches = Timer.builder(TOKEN_FETCHES)
                .description("Time wxc-sdk-java spent getting the access token of an attempt")
                .register(registry);
    }

    /**
     * A listener that records meters only.
     *
     * @param registry where the meters go
     * @return the listener, to pass to {@code WebexSimpleApi.Builder.callListener}
     * @throws NullPointerException when {@code registry} is {@code null}
     */
    public static MicrometerCallListener of(MeterRegistry registry) {
        return new MicrometerCallListener(Objects.requireNonNull(registry, "registry must not be null"), null);
    }

    /**
     * A listener that observes each call through {@code observations} (for spans with Micrometer Tracing, and the
     * {@value #CALLS} timer through the registry's meter handler) and records the other meters in {@code registry}.
     *
     * @param registry     where the meters other than {@value #CALLS} go
     * @param observations where the observation of each call goes
     * @return the listener, to pass to {@code WebexSimpleApi.Builder.callListener}
     * @throws NullPointerException when an argument is {@code null}
     */
    public static MicrometerCallListener of(MeterRegistry registry, ObservationRegistry observations) {
        return new MicrometerCallListener(Objects.requireNonNull(registry, "registry must not be null"),
                Objects.requireNonNull(observations, "observations must not be null"));
    }

    /** Starts the call's observation, on the calling thread so that its parent is the caller's. */
    @Override
    public void onCallStart(CallStart call) {
        if (observations == null || observations.isNoop()) {
            return;
        }
        SenderContext<Object> context = new SenderContext<>((carrier, key, value) -> { }, Kind.CLIENT);
        context.setCarrier(call);
        context.setRemoteServiceName("webex");
        context.setRemoteServiceAddress(call.serverAddress() + ':' + call.serverPort());
        Observation observation = Observation.createNotStarted(CALLS, () -> context, observations)
                .contextualName(call.httpMethod() + ' ' + call.urlTemplate())
                .lowCardinalityKeyValue("operation", call.operationId())
                .highCardinalityKeyValue("webex.tracking_id", call.trackingId())
                .start();
        call.setAttribute(OBSERVATION, observation);
    }

    @Override
    public void onAttempt(AttemptEvent attempt) {
        tokenFetches.record(attempt.tokenFetch());
        Optional<Duration> retryDelay = attempt.retryDelay();
        if (retryDelay.isPresent()) {
            retries.computeIfAbsent(new CallKey(attempt.operationId(), attempt.outcome(), attempt.statusCode()),
                    key -> Timer.builder(RETRIES)
                            .description("Retries of wxc-sdk-java calls, recording the wait before each")
                            .tags("operation", key.operation(), "reason", key.outcome().name(),
                                    "status", status(key.status()))
                            .register(registry))
                    .record(retryDelay.get());
        }
        ExchangeKey key = new ExchangeKey(attempt.operationId(), attempt.statusCode(), attempt.errorType().orElse(null));
        Timer exchange = exchanges.get(key);
        if (exchange == null) {
            exchange = exchanges.computeIfAbsent(key, k -> exchangeTimer(attempt, k));
        }
        exchange.record(attempt.duration());
    }

    @Override
    public void onCallEnd(CallEvent event) {
        CallOutcome outcome = event.outcome();
        Observation observation = event.attribute(OBSERVATION);
        if (observation != null) {
            observation.lowCardinalityKeyValue("outcome", outcome.name())
                    .lowCardinalityKeyValue("status", status(event.statusCode()));
            event.error().ifPresent(observation::error);
            observation.stop();
        } else {
            CallKey key = new CallKey(event.operationId(), outcome, event.statusCode());
            Timer timer = calls.get(key);
            if (timer == null) {
                timer = calls.computeIfAbsent(key, k -> Timer.builder(CALLS)
                        .description("Calls of wxc-sdk-java, retries and waits included")
                        .tags("operation", k.operation(), "outcome", k.outcome().name(), "status", status(k.status()))
                        .register(registry));
            }
            timer.record(event.duration());
        }
        Duration throttleWait = event.throttleWait();
        if (!throttleWait.isZero()) {
            throttleWaits.computeIfAbsent(event.operationId(), operation -> Timer.builder(THROTTLE_WAITS)
                    .description("Time wxc-sdk-java calls waited for the client's throttle")
                    .tags("operation", operation)
                    .register(registry)).record(throttleWait);
        }
    }

    /** Keeps the throttle's pace for the gauge, registered at the first change of pace. */
    @Override
    public void onThrottle(ThrottleEvent event) {
        pace.set(Double.doubleToLongBits(event.requestsPerSecond()));
        if (!paceRegistered) {
            paceRegistered = true;
            Gauge.builder(THROTTLE_PACE, pace, value -> Double.longBitsToDouble(value.get()))
                    .description("The pace of the wxc-sdk-java client's throttle")
                    .baseUnit("requests/s")
                    .strongReference(true)
                    .register(registry);
        }
    }

    private Timer exchangeTimer(AttemptEvent attempt, ExchangeKey key) {
        String exception = key.status() == 0 && key.errorType() != null ? simpleName(key.errorType()) : "none";
        return Timer.builder(HTTP_CLIENT_REQUESTS)
                .description("HTTP exchanges of wxc-sdk-java, one per attempt")
                .tags(Tags.of("method", attempt.httpMethod(), "uri", attempt.urlTemplate(),
                        "status", key.status() == 0 ? "CLIENT_ERROR" : Integer.toString(key.status()),
                        "outcome", springOutcome(key.status()), "client.name", attempt.serverAddress(),
                        "exception", exception, "error", exception))
                .register(registry);
    }

    /** Spring's {@code outcome} of an HTTP status. */
    private static String springOutcome(int status) {
        if (status >= 100 && status < 200) {
            return "INFORMATIONAL";
        }
        if (status >= 200 && status < 300) {
            return "SUCCESS";
        }
        if (status >= 300 && status < 400) {
            return "REDIRECTION";
        }
        if (status >= 400 && status < 500) {
            return "CLIENT_ERROR";
        }
        if (status >= 500 && status < 600) {
            return "SERVER_ERROR";
        }
        return "UNKNOWN";
    }

    private static String status(int status) {
        return status == 0 ? NONE : Integer.toString(status);
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    /** @return which meters this listener records, never a registry's contents */
    @Override
    public String toString() {
        return "MicrometerCallListener{observations=" + (observations != null) + '}';
    }

    private record CallKey(String operation, CallOutcome outcome, int status) {
    }

    private record ExchangeKey(String operation, int status, String errorType) {
    }
}
