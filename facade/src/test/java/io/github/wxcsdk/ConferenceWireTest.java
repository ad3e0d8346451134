package io.github.wxcsdk;

import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;
import io.github.wxcsdk.testing.StubServer;
import io.github.wxcsdk.testing.StubServer.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every operation puts on the wire: method, path, query, headers and exact body. */
class ConferenceWireTest {
    private static final String BASE_PATH = "/v1/telephony/conference";
    private static final String OWNER = "Y2lzY29zcGFyazovL3VzL1BFT1BMRS9vd25lcg";

    @RegisterExtension
    final StubbedConference client = new StubbedConference();

    @Test
    void startConferenceSendsTheCallIds() {
        client.conference().startConference(List.of("c1", "c2"));
        assertRequest("POST", BASE_PATH, null, "{\"callIds\":[\"c1\",\"c2\"]}");
    }

    @Test
    void startConferenceWithVarargsSendsEveryId() {
        client.conference().startConference("c1", "c2", "c3");
        assertRequest("POST", BASE_PATH, null, "{\"callIds\":[\"c1\",\"c2\",\"c3\"]}");
    }

    @Test
    void addParticipantSendsTheCallId() {
        client.conference().addParticipant("c3");
        assertRequest("POST", BASE_PATH + "/addParticipant", null, "{\"callId\":\"c3\"}");
    }

    @Test
    void hostMuteAndUnmuteSendAnEmptyJsonObject() {
        client.conference().mute();
        client.conference().unmute();
        List<RecordedRequest> requests = client.stub().requests();
        assertJsonPost(requests.get(0), BASE_PATH + "/mute", "{}");
        assertJsonPost(requests.get(1), BASE_PATH + "/unmute", "{}");
    }

    @Test
    void participantMuteAndUnmuteSendTheCallId() {
        client.conference().mute("c2");
        client.conference().unmute("c2");
        List<RecordedRequest> requests = client.stub().requests();
        assertJsonPost(requests.get(0), BASE_PATH + "/mute", "{\"callId\":\"c2\"}");
        assertJsonPost(requests.get(1), BASE_PATH + "/unmute", "{\"callId\":\"c2\"}");
    }

    @Test
    void deafenAndUndeafenSendTheCallId() {
        client.conference().deafenParticipant("c2");
        client.conference().undeafenParticipant("c2");
        List<RecordedRequest> requests = client.stub().requests();
        assertJsonPost(requests.get(0), BASE_PATH + "/deafen", "{\"callId\":\"c2\"}");
        assertJsonPost(requests.get(1), BASE_PATH + "/undeafen", "{\"callId\":\"c2\"}");
    }

    @Test
    void holdAndResumeSendNoBody() {
        client.conference().hold();
        client.conference().resume();
        List<RecordedRequest> requests = client.stub().requests();
        assertBodyless(requests.get(0), "POST", BASE_PATH + "/hold", null);
        assertBodyless(requests.get(1), "POST", BASE_PATH + "/resume", null);
    }

    @Test
    void detailsAndReleaseSendNoBody() {
        client.stub().enqueue(StubServer.Answer.json("{}"));
        client.conference().getConferenceDetails();
        client.conference().releaseConference();
        List<RecordedRequest> requests = client.stub().requests();
        assertBodyless(requests.get(0), "GET", BASE_PATH, null);
        assertBodyless(requests.get(1), "DELETE", BASE_PATH, null);
    }

    @Test
    void lineOwnerGoesIntoTheBodyOfStartAndAddParticipant() {
        ConferenceControlsApi line = client.conference().forLineOwner(OWNER);
        line.startConference(List.of("c1", "c2"));
        line.addParticipant("c3");
        List<RecordedRequest> requests = client.stub().requests();
        assertJsonPost(requests.get(0), BASE_PATH,
                "{\"callIds\":[\"c1\",\"c2\"],\"lineOwnerId\":\"" + OWNER + "\"}");
        assertJsonPost(requests.get(1), BASE_PATH + "/addParticipant",
                "{\"callId\":\"c3\",\"lineOwnerId\":\"" + OWNER + "\"}");
    }

    @Test
    void lineOwnerGoesIntoTheQueryOfDetailsReleaseHoldAndResume() {
        ConferenceControlsApi line = client.conference().forLineOwner(OWNER);
        client.stub().enqueue(StubServer.Answer.json("{}"));
        line.getConferenceDetails();
        line.releaseConference();
        line.hold();
        line.resume();
        List<RecordedRequest> requests = client.stub().requests();
        String query = "lineOwnerId=" + OWNER;
        assertBodyless(requests.get(0), "GET", BASE_PATH, query);
        assertBodyless(requests.get(1), "DELETE", BASE_PATH, query);
        assertBodyless(requests.get(2), "POST", BASE_PATH + "/hold", query);
        assertBodyless(requests.get(3), "POST", BASE_PATH + "/resume", query);
    }

    @Test
    void lineOwnerIsEncodedSoThatItDecodesUnchanged() {
        client.conference().forLineOwner("a+b/c=& d").hold();
        String query = client.stub().onlyRequest().query();
        assertTrue(query.startsWith("lineOwnerId="), query);
        assertEquals("a+b/c=& d", URLDecoder.decode(query.substring("lineOwnerId=".length()), StandardCharsets.UTF_8));
    }

    @Test
    void lineOwnerIsNotSentWhereTheServiceTakesNone() {
        ConferenceControlsApi line = client.conference().forLineOwner(OWNER);
        line.mute();
        line.mute("c1");
        line.unmute();
        line.unmute("c1");
        line.deafenParticipant("c1");
        line.undeafenParticipant("c1");
        for (RecordedRequest request : client.stub().requests()) {
            assertNull(request.query(), request.path());
            assertTrue(!request.body().contains("lineOwnerId"), request.body());
        }
    }

    @Test
    void everyRequestCarriesTokenUserAgentAndAFreshTrackingId() {
        List<Consumer<ConferenceControlsApi>> calls = List.of(c -> c.startConference("a", "b"),
                c -> c.addParticipant("c"), ConferenceControlsApi::mute, c -> c.mute("c"),
                ConferenceControlsApi::unmute, c -> c.unmute("c"), c -> c.deafenParticipant("c"),
                c -> c.undeafenParticipant("c"), ConferenceControlsApi::hold, ConferenceControlsApi::resume,
                ConferenceControlsApi::releaseConference);
        calls.forEach(call -> call.accept(client.conference()));
        Set<String> trackingIds = new HashSet<>();
        for (RecordedRequest request : client.stub().requests()) {
            assertEquals("Bearer " + TestClients.TOKEN, request.header("Authorization"));
            assertTrue(request.header("User-Agent").matches("wxc-sdk-java/\\S+ Java/\\S+"),
                    request.header("User-Agent"));
            String trackingId = request.header("TrackingID");
            assertTrue(trackingId.matches("WXCJAVA_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"),
                    trackingId);
            trackingIds.add(trackingId);
        }
        assertEquals(calls.size(), trackingIds.size(), "a new TrackingID for every call");
    }

    private void assertRequest(String method, String path, String query, String body) {
        RecordedRequest request = client.stub().onlyRequest();
        assertEquals(method, request.method());
        assertEquals(path, request.path());
        assertEquals(query, request.query());
        assertEquals(body, request.body());
        assertEquals("application/json", request.header("Content-Type"));
    }

    private static void assertJsonPost(RecordedRequest request, String path, String body) {
        assertEquals("POST", request.method());
        assertEquals(path, request.path());
        assertNull(request.query());
        assertEquals(body, request.body());
        assertEquals("application/json", request.header("Content-Type"));
    }

    private static void assertBodyless(RecordedRequest request, String method, String path, String query) {
        assertEquals(method, request.method());
        assertEquals(path, request.path());
        assertEquals(query, request.query());
        assertEquals("", request.body());
        assertNull(request.header("Content-Type"), "no Content-Type without a body");
    }
}
