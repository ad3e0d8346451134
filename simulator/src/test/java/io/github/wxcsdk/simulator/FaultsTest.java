package io.github.wxcsdk.simulator;

import static io.github.wxcsdk.simulator.SimClient.CONFERENCE;
import static io.github.wxcsdk.simulator.SimClient.expect204;
import static io.github.wxcsdk.simulator.SimClient.json;
import static io.github.wxcsdk.simulator.SimClient.startBody;
import static io.github.wxcsdk.simulator.WebexErrorAssertions.assertProblem;
import static io.github.wxcsdk.simulator.WebexErrorAssertions.assertWebexError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Injected faults: status, Retry-After, count, delay, order, no change of state. */
class FaultsTest extends FreshUserWithTwoCalls {
    @Test
    void faultFailsTheNextCountRequestsWithRetryAfterAndChangesNothing() {
        expect204(user.post("/_simulator/faults", "{\"status\": 429, \"retryAfter\": 1, \"count\": 2, \"delayMs\": 0}"));

        for (int i = 0; i < 2; i++) {
            HttpResponse<String> response = user.send("POST", CONFERENCE, startBody(a, b), "TrackingID", "WXCJAVA_" + i);

            assertWebexError(response, 429, 42999);
            assertEquals("1", response.headers().firstValue("Retry-After").orElseThrow());
            assertEquals("WXCJAVA_" + i, response.headers().firstValue("trackingid").orElseThrow());
        }
        assertEquals(json("{}"), user.details());
        user.startConference(a, b);
        assertEquals(2, user.details().get("participants").size());
    }

    @Test
    void faultWithoutRetryAfterSendsNoRetryAfterHeader() {
        expect204(user.post("/_simulator/faults", "{\"status\": 503}"));

        HttpResponse<String> response = user.get(CONFERENCE);

        assertWebexError(response, 503, 50399);
        assertEquals(Optional.empty(), response.headers().firstValue("Retry-After"));
        assertEquals(200, user.get(CONFERENCE).statusCode());
    }

    @Test
    void faultsAreServedInTheOrderTheyWereAdded() {
        simulator.addFault(user.token(), 500, null, 1);
        simulator.addFault(user.token(), Fault.of(502).withCount(2));
        simulator.addFault(user.token(), 423, 7, 1);

        assertEquals(500, user.get(CONFERENCE).statusCode());
        assertEquals(502, user.get(CONFERENCE).statusCode());
        assertEquals(502, user.get(CONFERENCE).statusCode());
        HttpResponse<String> locked = user.get(CONFERENCE);
        assertEquals(423, locked.statusCode());
        assertEquals("7", locked.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(200, user.get(CONFERENCE).statusCode());
    }

    @Test
    void faultDelaysTheAnswer() {
        simulator.addFault(user.token(), Fault.of(504).withDelay(Duration.ofMillis(300)));

        long started = System.nanoTime();
        HttpResponse<String> response = user.get(CONFERENCE);

        assertEquals(504, response.statusCode());
        assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 300);
    }

    @Test
    void faultsAreOnlyForTheirUserAndNeverForTheControlSurface() {
        SimClient other = SimClient.newUser(simulator);
        simulator.addFault(user.token(), 500, null, 1);

        assertEquals(200, other.get(CONFERENCE).statusCode());
        user.createCall();
        assertEquals(500, user.get(CONFERENCE).statusCode());
    }

    @Test
    void faultsApplyOnlyToKnownAuthenticatedRoutes() {
        simulator.addFault(user.token(), 500, null, 1);

        assertProblem(user.get("/v1/unknown"), Problem.RESOURCE_NOT_FOUND);
        assertProblem(user.send("PUT", CONFERENCE, null), Problem.METHOD_NOT_ALLOWED);
        assertEquals(500, user.get(CONFERENCE).statusCode());
    }

    @Test
    void resetDropsPendingFaults() {
        simulator.addFault(user.token(), 500, null, 3);

        expect204(user.post("/_simulator/reset", null));

        assertEquals(200, user.get(CONFERENCE).statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"status\": 200}", "{\"status\": 600}", "{}", "{\"status\": null}",
            "{\"status\": \"429\"}", "{\"status\": 429.5}", "{\"status\": 429, \"count\": 0}",
            "{\"status\": 429, \"retryAfter\": -1}", "{\"status\": 429, \"delayMs\": -1}",
            "{\"status\": 429, \"delayMs\": 60001}", "{\"status\": 429, \"retryafter\": 1}",
            "{\"status\": 99999999999}", ""})
    void invalidFaultRequestIs400(String body) {
        assertProblem(user.post("/_simulator/faults", body.isEmpty() ? null : body), Problem.INVALID_CONTROL_REQUEST);
        assertEquals(200, user.get(CONFERENCE).statusCode());
    }

    @Test
    void malformedFaultJsonIs400() {
        assertProblem(user.post("/_simulator/faults", "{\"status\": "), Problem.MALFORMED_JSON);
    }

    @Test
    void faultValuesAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> Fault.of(399));
        assertThrows(IllegalArgumentException.class, () -> Fault.of(600));
        assertThrows(IllegalArgumentException.class, () -> Fault.of(429).withCount(0));
        assertThrows(IllegalArgumentException.class, () -> Fault.of(429).withRetryAfter(Duration.ofMillis(1500)));
        assertThrows(IllegalArgumentException.class, () -> Fault.of(429).withRetryAfter(Duration.ofSeconds(-1)));
        assertThrows(IllegalArgumentException.class, () -> Fault.of(429).withDelay(Duration.ofMillis(-1)));
        assertThrows(IllegalArgumentException.class, () -> Fault.of(429).withDelay(Fault.MAX_DELAY.plusMillis(1)));
        assertThrows(NullPointerException.class, () -> Fault.of(429).withDelay(null));
        assertThrows(IllegalArgumentException.class, () -> simulator.addFault(user.token(), 200, null, 1));
        assertThrows(NullPointerException.class, () -> simulator.addFault(user.token(), null));
    }

    @Test
    void faultIsAValue() {
        Fault fault = Fault.of(429).withRetryAfter(Duration.ofSeconds(2)).withCount(3).withDelay(Duration.ofMillis(5));

        assertEquals(429, fault.status());
        assertEquals(Optional.of(Duration.ofSeconds(2)), fault.retryAfter());
        assertEquals(3, fault.count());
        assertEquals(Duration.ofMillis(5), fault.delay());
        assertEquals(fault, Fault.of(429).withCount(3).withDelay(Duration.ofMillis(5)).withRetryAfter(Duration.ofSeconds(2)));
        assertEquals(fault.hashCode(), Fault.of(429).withRetryAfter(Duration.ofSeconds(2)).withCount(3)
                .withDelay(Duration.ofMillis(5)).hashCode());
        assertNotEquals(fault, fault.withCount(2));
        assertEquals(Optional.empty(), Fault.of(429).retryAfter());
        assertEquals(Optional.of(fault.withCount(2)), fault.consumeOne());
        assertEquals(Optional.empty(), Fault.of(429).consumeOne());
        assertTrue(fault.toString().contains("429"));
    }
}
