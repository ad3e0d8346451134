package io.github.wxcsdk.opentelemetry;

import io.github.wxcsdk.AttemptEvent;
import io.github.wxcsdk.CallAttribute;
import io.github.wxcsdk.CallEvent;
import io.github.wxcsdk.CallInfo;
import io.github.wxcsdk.CallListener;
import io.github.wxcsdk.CallStart;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Traces every call of a wxc-sdk-java client as an OpenTelemetry span, following the HTTP client semantic
 * conventions.
 *
 * <pre>{@code
 * WebexSimpleApi api = WebexSimpleApi.builder()
 *         .accessToken(token)
 *         .callListener(OpenTelemetryCallListener.of(openTelemetry))
 *         .build();
 * }</pre>
 *
 * <p>Each call is one span of kind {@link SpanKind#CLIENT} named {@code {method} {url.template}}, for example
 * {@code POST /telephony/conference/members/{memberId}/mute}. Its parent is the span current on the thread that called
 * the SDK method ({@link Context#current()} at that moment), with the synchronous and the asynchronous API alike. Its
 * attributes:
 * <ul>
 *   <li>{@code http.request.method}, {@code url.template} (the spec's path template, never the concrete path),
 *       {@code server.address}, {@code server.port};</li>
 *   <li>{@code http.response.status_code} of the last answer, when one arrived;</li>
 *   <li>{@code error.type} when the call failed: the status code of an error answer, else the class of the
 *       failure; the span's status is then {@link StatusCode#ERROR};</li>
 *   <li>{@code http.request.resend_count} when the call was resent: how many times;</li>
 *   <li>{@code webex.operation} (the spec's operationId) and {@code webex.tracking_id} (the {@code TrackingID} Webex
 *       logs the call under, to quote to Webex support).</li>
 * </ul>
 *
 * <p>Attempts: a call sent once is one span. A call sent more than once (retried, throttled, resent with a fresh
 * token) gets one child span per attempt, as in the conventions' retry example: kind {@link SpanKind#INTERNAL} (so that
 * span-derived metrics still count one client call), the same name, with the attempt's own
 * {@code http.response.status_code}, {@code error.type} and, from the second attempt on,
 * {@code http.request.resend_count}. No headers are added to the requests (Webex does not take part in traces).
 *
 * <p>Immutable and thread-safe; one instance may serve several clients.
 */
public final class OpenTelemetryCallListener implements CallListener {
    /** The instrumentation scope of the spans. */
    public static final String INSTRUMENTATION_SCOPE = "io.github.wxcsdk";

    static final AttributeKey<String> HTTP_REQUEST_METHOD = AttributeKey.stringKey("http.request.method");
    static final AttributeKey<String> URL_TEMPLATE = AttributeKey.stringKey("url.template");
    static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
    static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
    static final AttributeKey<Long> HTTP_RESPONSE_STATUS_CODE = AttributeKey.longKey("http.response.status_code");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    static final AttributeKey<Long> HTTP_REQUEST_RESEND_COUNT = AttributeKey.longKey("http.request.resend_count");
    static final AttributeKey<String> WEBEX_TRACKING_ID = AttributeKey.stringKey("webex.tracking_id");
    static final AttributeKey<String> WEBEX_OPERATION = AttributeKey.stringKey("webex.operation");

    private static final CallAttribute<Context> CALL_CONTEXT =
            CallAttribute.named("io.github.wxcsdk.opentelemetry.context");

    private final Tracer tracer;

    private OpenTelemetryCallListener(Tracer tracer) {
        this.tracer = tracer;
    }

    /**
     * A listener that traces with {@code openTelemetry}'s tracer provider.
     *
     * @param openTelemetry for example {@code GlobalOpenTelemetry.get()} or the SDK an application built
     * @return the listener, to pass to {@code WebexSimpleApi.Builder.callListener}
     * @throws NullPointerException when {@code openTelemetry} is {@code null}
     */
    public static OpenTelemetryCallListener of(OpenTelemetry openTelemetry) {
        Objects.requireNonNull(openTelemetry, "openTelemetry must not be null");
        return new OpenTelemetryCallListener(openTelemetry.getTracer(INSTRUMENTATION_SCOPE));
    }

    /** Starts the call's span, on the calling thread, as a child of the span current there. */
    @Override
    public void onCallStart(CallStart call) {
        Context parent = Context.current();
        Span span = described(tracer.spanBuilder(name(call)), call)
                .setParent(parent)
                .setSpanKind(SpanKind.CLIENT)
                .startSpan();
        call.setAttribute(CALL_CONTEXT, parent.with(span));
    }

    /** Records an attempt as a child span when the call has more than one. */
    @Override
    public void onAttempt(AttemptEvent attempt) {
        if (attempt.attempt() == 1 && attempt.retryDelay().isEmpty()) {
            return;
        }
        Context call = attempt.attribute(CALL_CONTEXT);
        if (call == null) {
            return;
        }
        Instant end = Instant.now();
        Span span = described(tracer.spanBuilder(name(attempt)), attempt)
                .setParent(call)
                .setSpanKind(SpanKind.INTERNAL)
                .setStartTimestamp(end.minus(attempt.duration()))
                .startSpan();
        if (attempt.resendCount() > 0) {
            span.setAttribute(HTTP_REQUEST_RESEND_COUNT, (long) attempt.resendCount());
        }
        ended(span, attempt.statusCode(), attempt.errorType());
        span.end(end);
    }

    @Override
    public void onCallEnd(CallEvent event) {
        Context call = event.attribute(CALL_CONTEXT);
        if (call == null) {
            return;
        }
        Span span = Span.fromContext(call);
        if (event.attempts() > 1) {
            span.setAttribute(HTTP_REQUEST_RESEND_COUNT, (long) event.attempts() - 1);
        }
        ended(span, event.statusCode(), event.errorType());
        span.end();
    }

    private static SpanBuilder described(SpanBuilder builder, CallInfo call) {
        builder.setAttribute(HTTP_REQUEST_METHOD, call.httpMethod())
                .setAttribute(URL_TEMPLATE, call.urlTemplate())
                .setAttribute(SERVER_ADDRESS, call.serverAddress())
                .setAttribute(SERVER_PORT, (long) call.serverPort())
                .setAttribute(WEBEX_OPERATION, call.operationId())
                .setAttribute(WEBEX_TRACKING_ID, call.trackingId());
        return builder;
    }

    private static void ended(Span span, int statusCode, Optional<String> errorType) {
        if (statusCode > 0) {
            span.setAttribute(HTTP_RESPONSE_STATUS_CODE, (long) statusCode);
        }
        if (errorType.isPresent()) {
            span.setAttribute(ERROR_TYPE, errorType.get());
            span.setStatus(StatusCode.ERROR);
        }
    }

    private static String name(CallInfo call) {
        return call.httpMethod() + ' ' + call.urlTemplate();
    }

    /** @return the listener's kind, never a span or a token */
    @Override
    public String toString() {
        return "OpenTelemetryCallListener{scope=" + INSTRUMENTATION_SCOPE + '}';
    }
}
