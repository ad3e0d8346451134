package io.github.wxcsdk;

import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;
import io.github.wxcsdk.telephony.conference.ConferenceDetails;
import io.github.wxcsdk.telephony.conference.ConferenceParticipant;
import io.github.wxcsdk.telephony.conference.ConferenceState;
import io.github.wxcsdk.telephony.conference.ConferenceTypeEnum;
import io.github.wxcsdk.testing.StubServer;
import io.github.wxcsdk.testing.StubServer.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How answers of {@code GET /telephony/conference} become {@link ConferenceDetails}. */
class ConferenceDetailsParsingTest {
    /** The official example of the Webex reference. */
    static final String OFFICIAL_EXAMPLE = "{\"state\": \"connected\", \"appearance\": 3,"
            + " \"created\": \"2023-03-02T15:00:00.000Z\", \"muted\": false, \"participants\": ["
            + "{\"callId\": \"Y2lzY29zcGFyazovL3VzL0NBTEwvQkNMRC9jYWxsaGFsZi00ODg6MA\", \"muted\": false,"
            + " \"deafened\": false},"
            + "{\"callId\": \"Y2lzY29zcGFyazovL3VzL0NBTEwvQkNMRC9jYWxsaGFsZi00ODg6MQ\", \"muted\": false,"
            + " \"deafened\": false}]}";

    @RegisterExtension
    final StubbedConference client = new StubbedConference();

    @Test
    void readsTheOfficialExample() {
        client.stub().enqueue(Answer.json(OFFICIAL_EXAMPLE));
        ConferenceDetails details = client.conference().getConferenceDetails().orElseThrow();
        assertEquals(ConferenceState.CONNECTED, details.state());
        assertEquals("connected", details.stateAsString());
        assertEquals(3, details.appearance());
        assertEquals(OffsetDateTime.parse("2023-03-02T15:00:00.000Z"), details.created());
        assertEquals(Boolean.FALSE, details.muted());
        assertNull(details.type());
        assertNull(details.typeAsString());
        assertEquals(List.of(
                ConferenceParticipant.builder().callId("Y2lzY29zcGFyazovL3VzL0NBTEwvQkNMRC9jYWxsaGFsZi00ODg6MA")
                        .muted(false).deafened(false).build(),
                ConferenceParticipant.builder().callId("Y2lzY29zcGFyazovL3VzL0NBTEwvQkNMRC9jYWxsaGFsZi00ODg6MQ")
                        .muted(false).deafened(false).build()), details.participants());
        assertEquals(Map.of(), details.extraData());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "", "null", "  "})
    void noConferenceIsEmpty(String body) {
        client.stub().enqueue(Answer.json(body));
        assertTrue(client.conference().getConferenceDetails().isEmpty());
    }

    @Test
    void unknownEnumValuesAndFieldsNeverFailTheCall() {
        client.stub().enqueue(Answer.json("{\"state\": \"parked\", \"type\": \"whisper\", \"muted\": true,"
                + " \"recording\": {\"on\": true, \"by\": [\"a\", null]}, \"participants\": [{\"callId\": \"c1\","
                + " \"muted\": true, \"deafened\": false, \"role\": \"agent\"}]}"));
        ConferenceDetails details = client.conference().getConferenceDetails().orElseThrow();
        assertEquals(ConferenceState.UNKNOWN_TO_SDK_VERSION, details.state());
        assertEquals("parked", details.stateAsString());
        assertEquals(ConferenceTypeEnum.UNKNOWN_TO_SDK_VERSION, details.type());
        assertEquals("whisper", details.typeAsString());
        assertEquals(Boolean.TRUE, details.muted());
        assertEquals(Map.of("on", true, "by", java.util.Arrays.asList("a", null)),
                details.extraData().get("recording"));
        ConferenceParticipant participant = details.participants().get(0);
        assertEquals("c1", participant.callId());
        assertEquals(Map.of("role", "agent"), participant.extraData());
    }

    @Test
    void knownTypesAreMapped() {
        client.stub().enqueue(Answer.json("{\"state\": \"held\", \"type\": \"silentMonitoring\"}"));
        ConferenceDetails details = client.conference().getConferenceDetails().orElseThrow();
        assertEquals(ConferenceState.HELD, details.state());
        assertEquals(ConferenceTypeEnum.SILENT_MONITORING, details.type());
        assertEquals(List.of(), details.participants());
    }

    @Test
    void extraDataIsDeeplyImmutable() {
        client.stub().enqueue(Answer.json("{\"state\": \"held\", \"more\": {\"list\": [1]}}"));
        ConferenceDetails details = client.conference().getConferenceDetails().orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> more = (Map<String, Object>) details.extraData().get("more");
        assertThrows(UnsupportedOperationException.class, () -> more.put("x", 1));
        assertThrows(UnsupportedOperationException.class, () -> details.extraData().clear());
        assertThrows(UnsupportedOperationException.class, () -> details.participants().clear());
    }

    @Test
    void unreadableAnswerIsAClientExceptionWithTheTrackingId() {
        client.stub().enqueue(Answer.json("<html>not json</html>"));
        WebexClientException e = assertThrows(WebexClientException.class, () -> client.conference().getConferenceDetails());
        String sent = client.stub().onlyRequest().header("TrackingID");
        assertEquals(sent, e.trackingId().orElseThrow());
        assertTrue(e.getMessage().contains("GET /v1/telephony/conference"), e.getMessage());
        assertTrue(e.getMessage().contains(sent), e.getMessage());
    }

    @Test
    void enumsPrintTheirWireValue() {
        assertEquals("connected", ConferenceState.CONNECTED.toString());
        assertEquals("bargeIn", ConferenceTypeEnum.BARGE_IN.toString());
        assertEquals(ConferenceTypeEnum.COACHING, ConferenceTypeEnum.fromValue("coaching"));
        assertEquals(ConferenceState.UNKNOWN_TO_SDK_VERSION, ConferenceState.fromValue("CONNECTED"));
        assertNull(ConferenceState.fromValue(null));
    }
}
