package io.github.wxcsdk.opentelemetry;

import io.github.wxcsdk.WebexSimpleApi;
import io.github.wxcsdk.WebexSimpleAsyncApi;
import io.github.wxcsdk.simulator.Fault;
import io.github.wxcsdk.simulator.Member;
import io.github.wxcsdk.simulator.MemberType;
import io.github.wxcsdk.simulator.WebexSimulator;
import io.github.wxcsdk.simulator.WebexSimulatorExtension;
import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;
import io.github.wxcsdk.telephony.conference.ConferenceControlsAsyncApi;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link OpenTelemetryCallListener} against the simulator, through the synchronous and the asynchronous client, with
 * the OpenTelemetry SDK and an in-memory span exporter.
 */
@ExtendWith(WebexSimulatorExtension.class)
class OpenTelemetryCallListenerTest {
    /** An attribute with a slash must be a template: letters and {param} segments only, so no concrete id. */
    private static final Pattern TEMPLATE = Pattern.compile("(/([A-Za-z]+|\\{[A-Za-z]+\\}))+");

    enum Api { SYNC, ASYNC }

    private final InMemorySpanExporter spans = InMemorySpanExporter.create();
    private final SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(spans)).build();
    private final OpenTelemetrySdk openTelemetry = OpenTelemetrySdk.builder().setTracerProvider(tracerProvider).build();
    private WebexSimulator sim;
    private String token;
    private String callA;
    private String callB;

    @BeforeEach
    void user(WebexSimulator simulator) {
        sim = simulator;
        token = "otel-" + UUID.randomUUID();
        callA = sim.createCall(token);
        callB = sim.createCall(token);
    }

    @AfterEach
    void close() {
        openTelemetry.close();
    }

    @SuppressWarnings("try") // the scope only makes the parent current
    @ParameterizedTest
    @EnumSource(Api.class)
    void successIsOneClientSpanUnderTheCallersSpan(Api api) {
        Span parent = openTelemetry.getTracer("test").spanBuilder("request").startSpan();
        try (Scope scope = parent.makeCurrent()) {
            assertNull(run(api, client(), c -> c.startConference(callA, callB), c -> c.startConference(callA, callB)));
        } finally {
            parent.end();
        }

        SpanData call = only(SpanKind.CLIENT);
        assertEquals("POST /telephony/conference", call.getName());
        assertEquals(parent.getSpanContext().getTraceId(), call.getTraceId());
        assertEquals(parent.getSpanContext().getSpanId(), call.getParentSpanId());
        assertEquals("POST", call.getAttributes().get(OpenTelemetryCallListener.HTTP_REQUEST_METHOD));
        assertEquals("/telephony/conference", call.getAttributes().get(OpenTelemetryCallListener.URL_TEMPLATE));
        assertEquals("127.0.0.1", call.getAttributes().get(OpenTelemetryCallListener.SERVER_ADDRESS));
        assertEquals((long) sim.port(), call.getAttributes().get(OpenTelemetryCallListener.SERVER_PORT));
        long status = call.getAttributes().get(OpenTelemetryCallListener.HTTP_RESPONSE_STATUS_CODE);
        assertTrue(status >= 200 && status < 300, "status " + status);
        assertEquals("startConference", call.getAttributes().get(OpenTelemetryCallListener.WEBEX_OPERATION));
        assertNotNull(call.getAttributes().get(OpenTelemetryCallListener.WEBEX_TRACKING_ID));
        assertNull(call.getAttributes().get(OpenTelemetryCallListener.ERROR_TYPE));
        assertNull(call.getAttributes().get(OpenTelemetryCallListener.HTTP_REQUEST_RESEND_COUNT));
        assertEquals(StatusCode.UNSET, call.getStatus().getStatusCode());
        assertEquals(2, spans.getFinishedSpanItems().size(), "the call's span and the caller's, no attempt spans");
        assertNoIdsOrTokens();
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void notFoundIsAnError(Api api) {
        sim.addFault(token, 404, null, 1);
        assertNotNull(run(api, client(), c -> c.startConference(callA, callB), c -> c.startConference(callA, callB)));

        SpanData call = only(SpanKind.CLIENT);
        assertEquals(404L, call.getAttributes().get(OpenTelemetryCallListener.HTTP_RESPONSE_STATUS_CODE));
        assertEquals("404", call.getAttributes().get(OpenTelemetryCallListener.ERROR_TYPE));
        assertEquals(StatusCode.ERROR, call.getStatus().getStatusCode());
        assertNoIdsOrTokens();
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void aResentCallHasOneChildSpanPerAttempt(Api api) {
        sim.addFault(token, 429, 0, 1);
        assertNull(run(api, client(), c -> c.startConference(callA, callB), c -> c.startConference(callA, callB)));

        SpanData call = only(SpanKind.CLIENT);
        assertEquals(1L, call.getAttributes().get(OpenTelemetryCallListener.HTTP_REQUEST_RESEND_COUNT));
        assertNull(call.getAttributes().get(OpenTelemetryCallListener.ERROR_TYPE));
        List<SpanData> attempts = new ArrayList<>(spans.getFinishedSpanItems().stream()
                .filter(span -> span.getKind() == SpanKind.INTERNAL).toList());
        attempts.sort(Comparator.comparingLong(SpanData::getStartEpochNanos));
        assertEquals(2, attempts.size());
        for (SpanData attempt : attempts) {
            assertEquals(call.getSpanId(), attempt.getParentSpanId());
            assertEquals("POST /telephony/conference", attempt.getName());
        }
        assertEquals(429L, attempts.get(0).getAttributes().get(OpenTelemetryCallListener.HTTP_RESPONSE_STATUS_CODE));
        assertEquals("429", attempts.get(0).getAttributes().get(OpenTelemetryCallListener.ERROR_TYPE));
        assertNull(attempts.get(0).getAttributes().get(OpenTelemetryCallListener.HTTP_REQUEST_RESEND_COUNT));
        assertEquals(1L, attempts.get(1).getAttributes().get(OpenTelemetryCallListener.HTTP_REQUEST_RESEND_COUNT));
        assertNull(attempts.get(1).getAttributes().get(OpenTelemetryCallListener.ERROR_TYPE));
        assertNoIdsOrTokens();
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void networkFailureHasNoStatusAndTheFailuresClass(Api api) throws IOException {
        String closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
        }
        assertNotNull(run(api, WebexSimpleApi.builder().accessToken(token).baseUrl(closed).maxRetries(0)
                        .callListener(OpenTelemetryCallListener.of(openTelemetry)),
                c -> c.startConference(callA, callB), c -> c.startConference(callA, callB)));

        SpanData call = only(SpanKind.CLIENT);
        assertNull(call.getAttributes().get(OpenTelemetryCallListener.HTTP_RESPONSE_STATUS_CODE));
        assertEquals("io.github.wxcsdk.WebexClientException",
                call.getAttributes().get(OpenTelemetryCallListener.ERROR_TYPE));
        assertEquals(StatusCode.ERROR, call.getStatus().getStatusCode());
        assertNoIdsOrTokens();
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void timeout(Api api) {
        sim.addFault(token, Fault.of(500).withDelay(Duration.ofSeconds(5)));
        assertNotNull(run(api, client().readTimeout(Duration.ofMillis(200)).maxRetries(0),
                ConferenceControlsApi::getConferenceDetails, ConferenceControlsAsyncApi::getConferenceDetails));

        SpanData call = only(SpanKind.CLIENT);
        assertEquals("GET /telephony/conference", call.getName());
        assertEquals("io.github.wxcsdk.WebexTimeoutException",
                call.getAttributes().get(OpenTelemetryCallListener.ERROR_TYPE));
        assertNoIdsOrTokens();
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void memberCallIsNamedByItsTemplate(Api api) {
        String orgId = sim.createOrg().id();
        Member member = sim.createMember(orgId, MemberType.PERSON, "member-" + UUID.randomUUID());
        String appToken = sim.createServiceAppToken(orgId);
        run(api, WebexSimpleApi.builder().accessToken(appToken).baseUrl(sim.baseUrl())
                        .callListener(OpenTelemetryCallListener.of(openTelemetry)),
                c -> c.forMember(member.id()).mute(callA), c -> c.forMember(member.id()).mute(callA));

        SpanData call = only(SpanKind.CLIENT);
        assertEquals("POST /telephony/conference/members/{memberId}/mute", call.getName());
        assertEquals("/telephony/conference/members/{memberId}/mute",
                call.getAttributes().get(OpenTelemetryCallListener.URL_TEMPLATE));
        assertEquals("muteByMemberId", call.getAttributes().get(OpenTelemetryCallListener.WEBEX_OPERATION));
        assertNoIdsOrTokens(member.id(), appToken);
    }

    /** No span name or attribute holds the token or an id, and every one holding a path is a template. */
    private void assertNoIdsOrTokens(String... more) {
        List<String> secrets = new ArrayList<>(List.of(token, callA, callB));
        secrets.addAll(List.of(more));
        for (SpanData span : spans.getFinishedSpanItems()) {
            List<String> values = new ArrayList<>(List.of(span.getName()));
            span.getAttributes().forEach((AttributeKey<?> key, Object value) -> values.add(String.valueOf(value)));
            for (String value : values) {
                for (String secret : secrets) {
                    assertFalse(value.contains(secret), span.getName() + " holds " + secret);
                }
                String path = value.substring(value.indexOf(' ') + 1);
                if (path.contains("/")) {
                    assertTrue(TEMPLATE.matcher(path).matches(), value + ": not a template");
                }
            }
        }
    }

    private SpanData only(SpanKind kind) {
        List<SpanData> found = spans.getFinishedSpanItems().stream().filter(span -> span.getKind() == kind).toList();
        assertEquals(1, found.size(), found::toString);
        return found.get(0);
    }

    private WebexSimpleApi.Builder client() {
        return WebexSimpleApi.builder().accessToken(token).baseUrl(sim.baseUrl())
                .callListener(OpenTelemetryCallListener.of(openTelemetry));
    }

    /** @return what the call threw (unwrapped from the future), {@code null} when it succeeded */
    private static Throwable run(Api api, WebexSimpleApi.Builder builder, Consumer<ConferenceControlsApi> sync,
                                 Function<ConferenceControlsAsyncApi, CompletableFuture<?>> async) {
        try {
            if (api == Api.SYNC) {
                sync.accept(builder.build().telephony().conference());
            } else {
                try (WebexSimpleAsyncApi client = builder.buildAsync()) {
                    async.apply(client.telephony().conference()).join();
                }
            }
            return null;
        } catch (CompletionException e) {
            return e.getCause();
        } catch (RuntimeException e) {
            return e;
        }
    }
}
