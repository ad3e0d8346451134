package io.github.wxcsdk.micrometer;

import io.github.wxcsdk.CallEvent;
import io.github.wxcsdk.CallListener;
import io.github.wxcsdk.CallOutcome;
import io.github.wxcsdk.WebexApiException;
import io.github.wxcsdk.WebexSimpleApi;
import io.github.wxcsdk.WebexSimpleAsyncApi;
import io.github.wxcsdk.simulator.Fault;
import io.github.wxcsdk.simulator.Member;
import io.github.wxcsdk.simulator.MemberType;
import io.github.wxcsdk.simulator.WebexSimulator;
import io.github.wxcsdk.simulator.WebexSimulatorExtension;
import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;
import io.github.wxcsdk.telephony.conference.ConferenceControlsAsyncApi;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link MicrometerCallListener} against the simulator, through the synchronous and the asynchronous client, with a
 * real {@link SimpleMeterRegistry} and {@link TestObservationRegistry}.
 */
@ExtendWith(WebexSimulatorExtension.class)
class MicrometerCallListenerTest {
    /** A tag value with a slash must be a template: letters and {param} segments only, so no concrete id. */
    private static final Pattern TEMPLATE = Pattern.compile("(/([A-Za-z]+|\\{[A-Za-z]+\\}))+");

    enum Api { SYNC, ASYNC }

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<CallEvent> ends = new CopyOnWriteArrayList<>();
    private final CallListener recorder = new CallListener() {
        @Override
        public void onCallEnd(CallEvent event) {
            ends.add(event);
        }
    };
    private WebexSimulator sim;
    private String token;
    private String callA;
    private String callB;

    @BeforeEach
    void user(WebexSimulator simulator) {
        sim = simulator;
        token = "micrometer-" + UUID.randomUUID();
        callA = sim.createCall(token);
        callB = sim.createCall(token);
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void success(Api api) {
        assertNull(run(api, client(MicrometerCallListener.of(meters)), c -> c.startConference(callA, callB),
                c -> c.startConference(callA, callB)));

        CallEvent end = onlyEnd();
        assertTrue(end.statusCode() >= 200 && end.statusCode() < 300, "status " + end.statusCode());
        Timer calls = meters.get(MicrometerCallListener.CALLS).tags("operation", "startConference",
                "outcome", "SUCCESS", "status", Integer.toString(end.statusCode())).timer();
        assertEquals(1, calls.count());
        assertEquals(1, meters.get(MicrometerCallListener.HTTP_CLIENT_REQUESTS).tags("method", "POST",
                "uri", "/telephony/conference", "outcome", "SUCCESS", "exception", "none").timer().count());
        assertEquals(1, meters.get(MicrometerCallListener.TOKEN_FETCHES).timer().count());
        assertNull(meters.find(MicrometerCallListener.RETRIES).timer());
        assertNoIdsOrTokens();
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void notFound(Api api) {
        sim.addFault(token, 404, null, 1);
        Throwable thrown = run(api, client(MicrometerCallListener.of(meters)), c -> c.startConference(callA, callB),
                c -> c.startConference(callA, callB));

        assertEquals(404, assertInstanceOf(WebexApiException.class, thrown).statusCode());
        assertSame(thrown, onlyEnd().failure().orElseThrow());
        assertEquals(1, meters.get(MicrometerCallListener.CALLS).tags("operation", "startConference",
                "outcome", "CLIENT_ERROR", "status", "404").timer().count());
        assertEquals(1, meters.get(MicrometerCallListener.HTTP_CLIENT_REQUESTS).tags("status", "404",
                "outcome", "CLIENT_ERROR").timer().count());
        assertNoIdsOrTokens();
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void throttledThenSuccess(Api api) {
        sim.addFault(token, 429, 0, 1);
        assertNull(run(api, client(MicrometerCallListener.of(meters)), c -> c.startConference(callA, callB),
                c -> c.startConference(callA, callB)));

        CallEvent end = onlyEnd();
        assertEquals(2, end.attempts());
        assertEquals(1, meters.get(MicrometerCallListener.CALLS).tags("operation", "startConference",
                "outcome", "SUCCESS").timer().count());
        assertEquals(1, meters.get(MicrometerCallListener.RETRIES).tags("operation", "startConference",
                "reason", "THROTTLED", "status", "429").timer().count());
        assertEquals(1, meters.get(MicrometerCallListener.HTTP_CLIENT_REQUESTS).tags("status", "429").timer()
                .count());
        assertEquals(2, meters.get(MicrometerCallListener.TOKEN_FETCHES).timer().count());
        // the 429 started the client's throttle: its pace is a gauge from then on
        assertTrue(meters.get(MicrometerCallListener.THROTTLE_PACE).gauge().value() > 0);
        assertNoIdsOrTokens();
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void networkFailure(Api api) throws IOException {
        String closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = "http://127.0.0.1:" + socket.getLocalPort() + "/v1";
        }
        Throwable thrown = run(api, WebexSimpleApi.builder().accessToken(token).baseUrl(closed).maxRetries(0)
                        .callListener(MicrometerCallListener.of(meters)).callListener(recorder),
                c -> c.startConference(callA, callB), c -> c.startConference(callA, callB));

        assertNotNull(thrown);
        CallEvent end = onlyEnd();
        assertEquals(0, end.statusCode());
        assertEquals(CallOutcome.NETWORK_ERROR, end.outcome());
        assertEquals(1, meters.get(MicrometerCallListener.CALLS).tags("operation", "startConference",
                "outcome", "NETWORK_ERROR", "status", "NONE").timer().count());
        assertEquals(1, meters.get(MicrometerCallListener.HTTP_CLIENT_REQUESTS).tags("status", "CLIENT_ERROR",
                "exception", "ConnectException").timer().count());
        assertNoIdsOrTokens();
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void timeout(Api api) {
        sim.addFault(token, Fault.of(500).withDelay(Duration.ofSeconds(5)));
        Throwable thrown = run(api, client(MicrometerCallListener.of(meters)).readTimeout(Duration.ofMillis(200))
                .maxRetries(0), ConferenceControlsApi::getConferenceDetails,
                ConferenceControlsAsyncApi::getConferenceDetails);

        assertNotNull(thrown);
        assertEquals(CallOutcome.TIMEOUT, onlyEnd().outcome());
        assertEquals(1, meters.get(MicrometerCallListener.CALLS).tags("operation", "getConferenceDetails",
                "outcome", "TIMEOUT", "status", "NONE").timer().count());
        assertNoIdsOrTokens();
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void memberCallIsTaggedWithTheTemplate(Api api) {
        String orgId = sim.createOrg().id();
        Member member = sim.createMember(orgId, MemberType.PERSON, "member-" + UUID.randomUUID());
        String appToken = sim.createServiceAppToken(orgId);
        WebexSimpleApi.Builder builder = WebexSimpleApi.builder().accessToken(appToken).baseUrl(sim.baseUrl())
                .callListener(MicrometerCallListener.of(meters)).callListener(recorder);
        run(api, builder, c -> c.forMember(member.id()).getConferenceDetails(),
                c -> c.forMember(member.id()).getConferenceDetails());

        CallEvent end = onlyEnd();
        assertEquals("getConferenceDetailsByMemberId", end.operationId());
        assertEquals("/telephony/conference/members/{memberId}/conference", end.urlTemplate());
        assertNotNull(meters.get(MicrometerCallListener.CALLS).tags("operation", "getConferenceDetailsByMemberId")
                .timer());
        assertNotNull(meters.get(MicrometerCallListener.HTTP_CLIENT_REQUESTS)
                .tags("uri", "/telephony/conference/members/{memberId}/conference").timer());
        assertNoIdsOrTokens(member.id(), appToken);
    }

    @SuppressWarnings("try") // the scope only makes the parent current
    @ParameterizedTest
    @EnumSource(Api.class)
    void observationsHaveTheCallersObservationAsParent(Api api) {
        TestObservationRegistry observations = TestObservationRegistry.create();
        Observation parent = Observation.start("test.request", observations);
        try (Observation.Scope scope = parent.openScope()) {
            assertNull(run(api, client(MicrometerCallListener.of(meters, observations)),
                    c -> c.startConference(callA, callB), c -> c.startConference(callA, callB)));
        }
        parent.stop();

        TestObservationRegistryAssert.assertThat(observations)
                .hasObservationWithNameEqualTo(MicrometerCallListener.CALLS).that()
                .hasContextualNameEqualTo("POST /telephony/conference")
                .hasLowCardinalityKeyValue("operation", "startConference")
                .hasLowCardinalityKeyValue("outcome", "SUCCESS")
                .hasHighCardinalityKeyValue("webex.tracking_id", onlyEnd().trackingId())
                .hasParentObservationEqualTo(parent)
                .hasBeenStarted()
                .hasBeenStopped();
        // the calls timer is the observation registry's business (none is registered there): not recorded twice
        assertNull(meters.find(MicrometerCallListener.CALLS).timer());
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void observedFailuresCarryTheirError(Api api) {
        TestObservationRegistry observations = TestObservationRegistry.create();
        sim.addFault(token, 404, null, 1);
        Throwable thrown = run(api, client(MicrometerCallListener.of(meters, observations)),
                c -> c.startConference(callA, callB), c -> c.startConference(callA, callB));

        TestObservationRegistryAssert.assertThat(observations)
                .hasObservationWithNameEqualTo(MicrometerCallListener.CALLS).that()
                .hasLowCardinalityKeyValue("outcome", "CLIENT_ERROR")
                .hasLowCardinalityKeyValue("status", "404")
                .hasError(thrown)
                .hasBeenStopped();
    }

    @Test
    void theObservationRegistrysMeterHandlerMakesTheCallsTimer() {
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        assertNull(run(Api.SYNC, client(MicrometerCallListener.of(meters, observations)),
                c -> c.startConference(callA, callB), c -> c.startConference(callA, callB)));

        assertEquals(1, meters.get(MicrometerCallListener.CALLS).tags("operation", "startConference",
                "outcome", "SUCCESS", "error", "none").timer().count());
        assertNoIdsOrTokens();
    }

    @Test
    void aThrowingListenerChangesNothing() {
        CallListener throwing = new CallListener() {
            @Override
            public void onCallEnd(CallEvent event) {
                throw new IllegalStateException("listener bug");
            }
        };
        WebexSimpleApi.Builder builder = client(throwing).callListener(MicrometerCallListener.of(meters));
        assertNull(run(Api.SYNC, builder, c -> c.startConference(callA, callB), c -> c.startConference(callA, callB)));
        assertEquals(1, meters.get(MicrometerCallListener.CALLS).tags("outcome", "SUCCESS").timer().count());
    }

    /** No tag of any meter holds the token or an id, and every tag holding a path is a template. */
    private void assertNoIdsOrTokens(String... more) {
        List<String> secrets = new ArrayList<>(List.of(token, callA, callB));
        secrets.addAll(List.of(more));
        for (Meter meter : meters.getMeters()) {
            for (Tag tag : meter.getId().getTags()) {
                for (String secret : secrets) {
                    assertFalse(tag.getValue().contains(secret), meter.getId() + " holds " + secret);
                }
                if (tag.getValue().contains("/")) {
                    assertTrue(TEMPLATE.matcher(tag.getValue()).matches(), meter.getId() + ": not a template");
                }
            }
        }
    }

    private CallEvent onlyEnd() {
        assertEquals(1, ends.size(), ends::toString);
        return ends.get(0);
    }

    private WebexSimpleApi.Builder client(CallListener listener) {
        return WebexSimpleApi.builder().accessToken(token).baseUrl(sim.baseUrl()).callListener(listener)
                .callListener(recorder);
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
