package io.github.wxcsdk.simulator;

import static io.github.wxcsdk.simulator.SimClient.CONFERENCE;
import static io.github.wxcsdk.simulator.SimClient.json;
import static io.github.wxcsdk.simulator.WebexErrorAssertions.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Per-token rate limits over HTTP, on a fake clock: 429s, Retry-After, counters, control surface and Java API. */
class RateLimitsTest {
    private final FakeClock clock = new FakeClock(Instant.parse("2026-01-01T00:00:00Z"));
    private WebexSimulator simulator;

    @BeforeEach
    void start() {
        simulator = WebexSimulator.start(0, clock);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void aTokenBucketAnswers429WithWebexBodyAndRetryAfterOverItsBurst() {
        simulator.rateLimits().set(RateLimit.tokenBucket(40, 10));
        SimClient user = SimClient.newUser(simulator);

        for (int i = 0; i < 10; i++) {
            assertEquals(200, user.get(CONFERENCE).statusCode());
        }
        HttpResponse<String> throttled = user.get(CONFERENCE);

        assertProblem(throttled, Problem.RATE_LIMITED);
        assertEquals("1", throttled.headers().firstValue("Retry-After").orElseThrow());
        clock.advance(Duration.ofMillis(25));
        assertEquals(200, user.get(CONFERENCE).statusCode());
        assertEquals(new RequestCounts(11, 1), simulator.rateLimits().counts(user.token()));
    }

    @Test
    void aFixedWindowAnswersTheSecondsToItsEndAndOpensTheNextOne() {
        simulator.rateLimits().set(RateLimit.parse("window:2/60s"));
        SimClient user = SimClient.newUser(simulator);

        user.get(CONFERENCE);
        clock.advance(Duration.ofSeconds(10));
        assertEquals(200, user.get(CONFERENCE).statusCode());
        clock.advance(Duration.ofMillis(500));
        HttpResponse<String> throttled = user.get(CONFERENCE);

        assertProblem(throttled, Problem.RATE_LIMITED);
        assertEquals("50", throttled.headers().firstValue("Retry-After").orElseThrow());
        clock.advance(Duration.ofMillis(49_500));
        assertEquals(200, user.get(CONFERENCE).statusCode());
    }

    @Test
    void eachTokenHasItsOwnBucketAndTheControlSurfaceIsNeverLimited() {
        simulator.rateLimits().set(RateLimit.tokenBucket(1, 1));
        SimClient alice = SimClient.newUser(simulator);
        SimClient bob = SimClient.newUser(simulator);

        for (int i = 0; i < 5; i++) {
            assertEquals(201, alice.post("/_simulator/calls", null).statusCode());
        }
        assertEquals(200, alice.get(CONFERENCE).statusCode());
        assertEquals(429, alice.get(CONFERENCE).statusCode());
        assertEquals(200, bob.get(CONFERENCE).statusCode());
        assertEquals(new RequestCounts(1, 1), simulator.rateLimits().counts(alice.token()));
        assertEquals(new RequestCounts(2, 1), simulator.rateLimits().totals());
    }

    @Test
    void aThrottledRequestChangesNothing() {
        SimClient user = SimClient.newUser(simulator);
        String a = user.createCall();
        String b = user.createCall();
        simulator.rateLimits().set(user.token(), RateLimit.fixedWindow(1));
        user.get(CONFERENCE);

        assertEquals(429, user.post(CONFERENCE, SimClient.startBody(a, b)).statusCode());
        simulator.rateLimits().clear(user.token());
        assertEquals(json("{}"), user.details());
    }

    @Test
    void theControlSurfaceSetsLimitsAndShowsCounters() {
        SimClient user = SimClient.newUser(simulator);
        SimClient other = SimClient.newUser(simulator);

        assertEquals(204, user.post("/_simulator/rate-limit", "{\"limit\": \"window:3/60s\"}").statusCode());
        assertEquals(204, user.post("/_simulator/rate-limit", "{\"limit\": \"bucket:1/s,burst=1\", \"token\": true}")
                .statusCode());
        user.get(CONFERENCE);
        user.get(CONFERENCE);
        other.get(CONFERENCE);

        JsonNode shown = json(user.get("/_simulator/rate-limit"));
        assertEquals(json("{\"limit\": \"window:3/60s\","
                + " \"token\": {\"admitted\": 1, \"throttled\": 1, \"limit\": \"bucket:1/s,burst=1\"},"
                + " \"all\": {\"admitted\": 2, \"throttled\": 1}}"), shown);
        assertEquals(RateLimit.parse("window:3/60s"), simulator.rateLimits().limit());
        assertEquals(RateLimit.tokenBucket(1, 1), simulator.rateLimits().limit(user.token()));

        // null with "token" gives the token the simulator-wide limit again, afresh
        assertEquals(204, user.post("/_simulator/rate-limit", "{\"limit\": null, \"token\": true}").statusCode());
        assertEquals(RateLimit.fixedWindow(3), simulator.rateLimits().limit(user.token()));
        assertEquals(200, user.get(CONFERENCE).statusCode());

        assertEquals(204, user.post("/_simulator/rate-limit/reset-counts", null).statusCode());
        assertEquals(RequestCounts.ZERO, simulator.rateLimits().totals());
        assertEquals(204, user.post("/_simulator/rate-limit", "{\"limit\": \"off\"}").statusCode());
        assertEquals(RateLimit.none(), simulator.rateLimits().limit(other.token()));
    }

    @Test
    void malformedControlRequestsAre400() {
        SimClient user = SimClient.newUser(simulator);

        assertProblem(user.post("/_simulator/rate-limit", "{}"), Problem.INVALID_CONTROL_REQUEST);
        assertProblem(user.post("/_simulator/rate-limit", "{\"limit\": \"fast\"}"), Problem.INVALID_CONTROL_REQUEST);
        assertProblem(user.post("/_simulator/rate-limit", "{\"limit\": 40}"), Problem.INVALID_CONTROL_REQUEST);
        assertProblem(user.post("/_simulator/rate-limit", "{\"limit\": \"off\", \"rate\": 1}"),
                Problem.INVALID_CONTROL_REQUEST);
        assertProblem(user.post("/_simulator/rate-limit/reset-counts", "{\"x\": 1}"), Problem.INVALID_CONTROL_REQUEST);
    }

    @Test
    void settingALimitStartsEveryTokenAfreshAndKeepsCounters() {
        simulator.rateLimits().set(RateLimit.tokenBucket(1, 1));
        SimClient user = SimClient.newUser(simulator);
        user.get(CONFERENCE);
        assertEquals(429, user.get(CONFERENCE).statusCode());

        simulator.rateLimits().set(RateLimit.tokenBucket(1, 1));

        assertEquals(200, user.get(CONFERENCE).statusCode());
        assertEquals(new RequestCounts(2, 1), simulator.rateLimits().counts(user.token()));
    }

    @Test
    void javaApiValidatesArguments() {
        RateLimits limits = simulator.rateLimits();

        assertThrows(NullPointerException.class, () -> limits.set(null));
        assertThrows(NullPointerException.class, () -> limits.set("t", null));
        assertThrows(IllegalArgumentException.class, () -> limits.set("two words", RateLimit.none()));
        assertThrows(IllegalArgumentException.class, () -> limits.counts(""));
        assertEquals(RequestCounts.ZERO, limits.counts("never-seen"));
    }
}
