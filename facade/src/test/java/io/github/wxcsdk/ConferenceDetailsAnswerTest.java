package io.github.wxcsdk;

import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;
import io.github.wxcsdk.telephony.conference.ConferenceDetails;
import io.github.wxcsdk.telephony.conference.ConferenceParticipant;
import io.github.wxcsdk.telephony.conference.ConferenceState;
import io.github.wxcsdk.testing.FakeTime;
import io.github.wxcsdk.testing.StubServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.OffsetDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * How the answer of {@code GET /telephony/conference} is read: every documented field, {@code created} included, and
 * values the model cannot type (a date alone, a fractional or huge appearance) kept raw without failing the call.
 */
class ConferenceDetailsAnswerTest {
    private StubServer stub;
    private ConferenceControlsApi conference;

    @BeforeEach
    void start() {
        stub = StubServer.start();
        conference = TestClients.builder(stub, new FakeTime()).build().telephony().conference();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void theOfficialExampleIsReadWithEveryField() {
        stub.enqueue(StubServer.Answer.json("{\"state\":\"connected\",\"appearance\":3,"
                + "\"created\":\"2023-03-02T15:00:00.000Z\",\"muted\":false,\"participants\":["
                + "{\"callId\":\"c1\",\"muted\":false,\"deafened\":false},"
                + "{\"callId\":\"c2\",\"muted\":true,\"deafened\":true}]}"));

        ConferenceDetails details = conference.getConferenceDetails().orElseThrow();

        assertEquals(ConferenceState.CONNECTED, details.state());
        assertEquals(3, details.appearance());
        assertEquals(OffsetDateTime.parse("2023-03-02T15:00:00.000Z"), details.created());
        assertEquals(false, details.muted());
        assertEquals(List.of(
                ConferenceParticipant.builder().callId("c1").muted(false).deafened(false).build(),
                ConferenceParticipant.builder().callId("c2").muted(true).deafened(true).build()),
                details.participants());
    }

    @Test
    void anOffsetOtherThanUtcIsKept() {
        stub.enqueue(StubServer.Answer.json("{\"created\":\"2023-03-02T16:00:00+01:00\"}"));

        assertEquals(OffsetDateTime.parse("2023-03-02T16:00:00+01:00"),
                conference.getConferenceDetails().orElseThrow().created());
    }

    @Test
    void aDateAloneDoesNotFailTheCallAndStaysAvailable() {
        stub.enqueue(StubServer.Answer.json("{\"state\":\"connected\",\"created\":\"2023-03-02\"}"));

        ConferenceDetails details = conference.getConferenceDetails().orElseThrow();

        assertEquals(ConferenceState.CONNECTED, details.state());
        assertNull(details.created(), "no time or zone is invented for a date alone");
        assertEquals("2023-03-02", details.createdAsString());
    }

    @Test
    void aFullTimestampIsAlsoKeptRaw() {
        stub.enqueue(StubServer.Answer.json("{\"created\":\"2023-03-02T15:00:00.000Z\",\"appearance\":3}"));

        ConferenceDetails details = conference.getConferenceDetails().orElseThrow();

        assertEquals("2023-03-02T15:00:00.000Z", details.createdAsString());
        assertEquals("3", details.appearanceAsString());
    }

    @ParameterizedTest
    @CsvSource({"2.5, 2.5", "1e12, 1E+12", "-7.25, -7.25", "2147483648, 2147483648"})
    void anAppearanceThatIsNoWholeIntIsEmptyNotTruncatedOrFatal(String wire, String raw) {
        stub.enqueue(StubServer.Answer.json("{\"state\":\"held\",\"appearance\":" + wire + "}"));

        ConferenceDetails details = conference.getConferenceDetails().orElseThrow();

        assertEquals(ConferenceState.HELD, details.state());
        assertNull(details.appearance());
        assertEquals(raw, details.appearanceAsString());
    }

    @Test
    void aWholeNumberWrittenWithAFractionIsThatNumber() {
        stub.enqueue(StubServer.Answer.json("{\"appearance\":3.0}"));

        assertEquals(3, conference.getConferenceDetails().orElseThrow().appearance());
    }
}
