package io.github.wxcsdk;

import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;
import io.github.wxcsdk.testing.StubServer;
import io.github.wxcsdk.testing.StubServer.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every non-2xx answer becomes a complete {@link WebexApiException}, whatever its body. */
class ErrorMappingTest {
    private static final String WEBEX_ERROR = "{\"message\": \"Conference does not exist.\", \"errors\": ["
            + "{\"description\": \"No active conference for this user.\", \"errorCode\": 25009}],"
            + " \"trackingId\": \"ROUTER_BODY\"}";

    @RegisterExtension
    final StubbedConference client = new StubbedConference();

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 409, 500})
    void webexErrorBody(int status) {
        client.stub().enqueue(Answer.json(status, WEBEX_ERROR).withHeader("trackingid", "ROUTER_HEADER"));
        WebexApiException e = assertThrows(WebexApiException.class, () -> client.conference().hold());
        assertEquals(status, e.statusCode());
        assertEquals("Conference does not exist.", e.webexMessage().orElseThrow());
        assertEquals(List.of(new WebexErrorDetail("No active conference for this user.", 25009)), e.errors());
        assertEquals("ROUTER_HEADER", e.trackingId().orElseThrow(), "the response header wins");
        assertEquals("POST", e.httpMethod());
        assertEquals("/v1/telephony/conference/hold", e.path());
        assertEquals(1, e.attempts());
        assertTrue(e.getMessage().startsWith(status + " "), e.getMessage());
        assertTrue(e.getMessage().contains("Conference does not exist."), e.getMessage());
        assertTrue(e.getMessage().contains("No active conference for this user."), e.getMessage());
        assertTrue(e.getMessage().contains("trackingId=ROUTER_HEADER"), e.getMessage());
        assertNull(e.getCause());
    }

    @Test
    void bodyTrackingIdIsUsedWithoutHeader() {
        client.stub().enqueue(Answer.json(404, WEBEX_ERROR));
        WebexApiException e = assertThrows(WebexApiException.class, () -> client.conference().releaseConference());
        assertEquals("ROUTER_BODY", e.trackingId().orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 500})
    void htmlBodyGivesAReadableMessageAndOurTrackingId(int status) {
        client.stub().enqueue(new Answer(status, java.util.Map.of("Content-Type", "text/html"),
                "<html><body><h1>Bad gateway from proxy</h1></body></html>"));
        WebexApiException e = assertThrows(WebexApiException.class, () -> client.conference().mute());
        assertEquals(status, e.statusCode());
        assertTrue(e.webexMessage().isEmpty());
        assertTrue(e.errors().isEmpty());
        assertTrue(e.getMessage().contains("Bad gateway from proxy"), e.getMessage());
        assertFalse(e.getMessage().contains("<h1>"), e.getMessage());
        assertEquals(client.stub().onlyRequest().header("TrackingID"), e.trackingId().orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 500})
    void emptyBodyStillGivesACompleteException(int status) {
        client.stub().enqueue(new Answer(status, java.util.Map.of(), ""));
        WebexApiException e = assertThrows(WebexApiException.class, () -> client.conference().addParticipant("c1"));
        assertEquals(status, e.statusCode());
        assertEquals(client.stub().onlyRequest().header("TrackingID"), e.trackingId().orElseThrow());
        assertTrue(e.getMessage().startsWith(status + " " + HttpStatusText.reason(status)), e.getMessage());
    }

    @Test
    void throttlingIsRetriedAfterRetryAfterWithTheSameTrackingId() {
        client.stub().enqueue(Answer.json(429, "{\"message\": \"slow down\"}").withHeader("Retry-After", "7"));
        client.stub().enqueue(Answer.noContent());
        client.conference().mute("c1");
        assertEquals(List.of(Duration.ofSeconds(7)), client.time().sleeps());
        List<StubServer.RecordedRequest> requests = client.stub().requests();
        assertEquals(2, requests.size());
        assertEquals(requests.get(0).header("TrackingID"), requests.get(1).header("TrackingID"));
        assertEquals(requests.get(0).body(), requests.get(1).body());
    }

    @Test
    void throttlingThatDoesNotEndFailsWithStatusAttemptsAndRetryAfter() {
        for (int i = 0; i < 4; i++) {
            client.stub().enqueue(Answer.json(429, "{\"message\": \"Too many requests\"}").withHeader("Retry-After", "2"));
        }
        ConferenceControlsApi conference = TestClients.builder(client.stub(), client.time())
                .callTimeout(Duration.ofSeconds(7)).build().telephony().conference();
        WebexApiException e = assertThrows(WebexApiException.class, conference::getConferenceDetails);
        assertTrue(e.isThrottling());
        assertEquals(4, e.attempts(), "resent at 2, 4 and 6 s; the next wait would pass the 7 s call timeout");
        assertEquals(Duration.ofSeconds(2), e.retryAfter().orElseThrow());
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2)), client.time().sleeps());
        assertTrue(e.getMessage().contains("attempts=4"), e.getMessage());
    }

    @Test
    void throttlingWithoutRetryAfterWaitsFiveSeconds() {
        client.stub().enqueue(Answer.json(429, "{}"));
        client.conference().hold();
        assertEquals(List.of(Duration.ofSeconds(5)), client.time().sleeps());
    }

    @Test
    void redirectsAreNotFollowed() {
        client.stub().enqueue(new Answer(302, java.util.Map.of("Location", "http://127.0.0.1:1/elsewhere"), ""));
        WebexApiException e = assertThrows(WebexApiException.class, () -> client.conference().resume());
        assertEquals(302, e.statusCode());
        assertEquals(1, client.stub().requests().size());
    }

    @Test
    void aTokenEchoedByTheServerIsRedacted() {
        client.stub().enqueue(new Answer(400, java.util.Map.of(), "you sent Bearer " + TestClients.TOKEN));
        WebexApiException e = assertThrows(WebexApiException.class, () -> client.conference().hold());
        assertFalse(e.getMessage().contains(TestClients.TOKEN), e.getMessage());
        assertTrue(e.getMessage().contains("[REDACTED]"), e.getMessage());
    }
}
