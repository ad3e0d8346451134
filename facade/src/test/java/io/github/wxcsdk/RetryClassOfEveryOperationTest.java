package io.github.wxcsdk;

import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;
import io.github.wxcsdk.testing.FakeTime;
import io.github.wxcsdk.testing.StubServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every public operation is in the retry class the issue gives it. A 502 with
 * {@code retryStateChangesOnAmbiguousFailure(false)} tells the three apart: resent (details, release), not resent
 * (mute, unmute, deafen, undeafen, hold, resume), not resent and of unknown outcome (start, addParticipant).
 */
class RetryClassOfEveryOperationTest {
    private static final int MAX_RETRIES = 2;

    enum Expected { RESENT, NOT_RESENT, OUTCOME_UNKNOWN }

    static Stream<Arguments> operations() {
        return Stream.of(
                of("getConferenceDetails", ConferenceControlsApi::getConferenceDetails, Expected.RESENT),
                of("releaseConference", ConferenceControlsApi::releaseConference, Expected.RESENT),
                of("mute()", ConferenceControlsApi::mute, Expected.NOT_RESENT),
                of("mute(callId)", c -> c.mute("c1"), Expected.NOT_RESENT),
                of("unmute()", ConferenceControlsApi::unmute, Expected.NOT_RESENT),
                of("unmute(callId)", c -> c.unmute("c1"), Expected.NOT_RESENT),
                of("deafenParticipant", c -> c.deafenParticipant("c1"), Expected.NOT_RESENT),
                of("undeafenParticipant", c -> c.undeafenParticipant("c1"), Expected.NOT_RESENT),
                of("hold", ConferenceControlsApi::hold, Expected.NOT_RESENT),
                of("resume", ConferenceControlsApi::resume, Expected.NOT_RESENT),
                of("startConference(list)", c -> c.startConference(List.of("c1", "c2")),
                        Expected.OUTCOME_UNKNOWN),
                of("startConference(varargs)", c -> c.startConference("c1", "c2", "c3"), Expected.OUTCOME_UNKNOWN),
                of("addParticipant", c -> c.addParticipant("c3"), Expected.OUTCOME_UNKNOWN),
                of("forLineOwner(..).startConference", c -> c.forLineOwner("o").startConference("c1", "c2"),
                        Expected.OUTCOME_UNKNOWN),
                of("forLineOwner(..).hold", c -> c.forLineOwner("o").hold(), Expected.NOT_RESENT),
                of("forLineOwner(..).getConferenceDetails", c -> c.forLineOwner("o").getConferenceDetails(),
                        Expected.RESENT),
                of("bargeIn", ConferenceControlsApi::bargeIn, Expected.NOT_RESENT),
                of("silentMonitor", ConferenceControlsApi::silentMonitor, Expected.NOT_RESENT),
                of("supervisorCoach", ConferenceControlsApi::supervisorCoach, Expected.NOT_RESENT),
                of("forMember(..).startConference", c -> c.forMember("m").startConference("c1", "c2"),
                        Expected.OUTCOME_UNKNOWN),
                of("forMember(..).addParticipant", c -> c.forMember("m").addParticipant("c3"),
                        Expected.OUTCOME_UNKNOWN),
                of("forMember(.., org).mute()", c -> c.forMember("m", "o").mute(), Expected.NOT_RESENT),
                of("forMember(..).mute(callId)", c -> c.forMember("m").mute("c1"), Expected.NOT_RESENT),
                of("forMember(..).unmute()", c -> c.forMember("m").unmute(), Expected.NOT_RESENT),
                of("forMember(..).unmute(callId)", c -> c.forMember("m").unmute("c1"), Expected.NOT_RESENT),
                of("forMember(..).deafenParticipant", c -> c.forMember("m").deafenParticipant("c1"),
                        Expected.NOT_RESENT),
                of("forMember(..).undeafenParticipant", c -> c.forMember("m").undeafenParticipant("c1"),
                        Expected.NOT_RESENT),
                of("forMember(..).hold", c -> c.forMember("m").hold(), Expected.NOT_RESENT),
                of("forMember(..).resume", c -> c.forMember("m").resume(), Expected.NOT_RESENT),
                of("forMember(..).bargeIn", c -> c.forMember("m").bargeIn(), Expected.NOT_RESENT),
                of("forMember(..).silentMonitor", c -> c.forMember("m").silentMonitor(), Expected.NOT_RESENT),
                of("forMember(..).supervisorCoach", c -> c.forMember("m").supervisorCoach(), Expected.NOT_RESENT),
                of("forMember(.., org).getConferenceDetails", c -> c.forMember("m", "o").getConferenceDetails(),
                        Expected.RESENT),
                of("forMember(..).releaseConference", c -> c.forMember("m").releaseConference(),
                        Expected.RESENT));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("operations")
    void aBadGatewayIsHandledAsTheOperationsClassSays(String name, Consumer<ConferenceControlsApi> call,
                                                      Expected expected) {
        try (StubServer stub = StubServer.start()) {
            for (int i = 0; i <= MAX_RETRIES; i++) {
                stub.enqueue(StubServer.Answer.json(502, "{\"message\":\"upstream failed\"}"));
            }
            ConferenceControlsApi conference = TestClients.builder(stub, new FakeTime()).maxRetries(MAX_RETRIES)
                    .retryStateChangesOnAmbiguousFailure(false).build().telephony().conference();

            WebexException thrown = assertThrows(WebexException.class, () -> call.accept(conference));

            switch (expected) {
                case RESENT:
                    assertEquals(1 + MAX_RETRIES, stub.requests().size());
                    assertEquals(502, ((WebexApiException) thrown).statusCode());
                    break;
                case NOT_RESENT:
                    assertEquals(1, stub.requests().size());
                    assertEquals(502, ((WebexApiException) thrown).statusCode());
                    break;
                default:
                    assertEquals(1, stub.requests().size());
                    WebexOutcomeUnknownException unknown = (WebexOutcomeUnknownException) thrown;
                    assertEquals(502, ((WebexApiException) unknown.getCause()).statusCode());
                    assertEquals(stub.onlyRequest().header("TrackingID"), unknown.trackingId().orElseThrow());
                    assertTrue(unknown.getMessage().contains("getConferenceDetails()"), unknown.getMessage());
            }
        }
    }

    private static Arguments of(String name, Consumer<ConferenceControlsApi> call, Expected expected) {
        return Arguments.of(name, call, expected);
    }
}
