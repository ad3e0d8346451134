package io.github.wxcsdk.contract;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import io.github.wxcsdk.telephony.conference.ConferenceDetails;
import io.github.wxcsdk.telephony.conference.ConferenceParticipant;
import io.github.wxcsdk.telephony.conference.ConferenceState;
import io.github.wxcsdk.telephony.conference.ConferenceTypeEnum;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static io.github.wxcsdk.contract.ConferenceContract.CONFERENCE;
import static io.github.wxcsdk.contract.ConferenceContract.CONSUMER;
import static io.github.wxcsdk.contract.ConferenceContract.PROVIDER;
import static io.github.wxcsdk.contract.ConferenceContract.connectedConference;
import static io.github.wxcsdk.contract.ConferenceContract.ok;
import static io.github.wxcsdk.contract.ConferenceContract.request;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Pins the three answers of {@code GET /telephony/conference} the client must read: a full conference, {@code {}}
 * (no conference, reported as an empty {@code Optional}), and a conference with a {@code type} value and a field this
 * client does not know, which must be kept rather than fail the call (Webex adds both without notice).
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER)
class ConferenceDetailsPactTest {
    /** A conference type newer than this client. */
    private static final String UNKNOWN_TYPE = "whisper";
    /** A field newer than this client. */
    private static final String UNKNOWN_FIELD = "recordingStatus";

    @Pact(consumer = CONSUMER)
    static V4Pact activeConference(PactDslWithProvider builder) {
        return ok(request(builder, ProviderStates.CONFERENCE, "get the active conference", "GET", CONFERENCE),
                connectedConference());
    }

    @Test
    @PactTestFor(pactMethod = "activeConference")
    void activeConference(MockServer server) {
        ConferenceDetails details = Facade.conference(server).getConferenceDetails().orElseThrow();

        assertEquals(ConferenceState.CONNECTED, details.state());
        assertEquals(3, details.appearance());
        assertEquals(OffsetDateTime.parse(ConferenceContract.CREATED_EXAMPLE), details.created());
        assertEquals(false, details.muted());
        assertEquals(List.of(ProviderStates.C1, ProviderStates.C2),
                details.participants().stream().map(ConferenceParticipant::callId).toList());
        assertEquals(Map.of(), details.extraData());
    }

    @Pact(consumer = CONSUMER)
    static V4Pact noConference(PactDslWithProvider builder) {
        return ok(request(builder, ProviderStates.NO_CONFERENCE, "get the conference when there is none", "GET",
                CONFERENCE), new PactDslJsonBody());
    }

    @Test
    @PactTestFor(pactMethod = "noConference")
    void noConference(MockServer server) {
        assertEquals(Optional.empty(), Facade.conference(server).getConferenceDetails());
    }

    @Pact(consumer = CONSUMER)
    static V4Pact conferenceWithUnknownValues(PactDslWithProvider builder) {
        return ok(request(builder, ProviderStates.CONFERENCE_WITH_UNKNOWN_VALUES,
                        "get a conference reported with a type and a field this client does not know", "GET",
                        CONFERENCE),
                connectedConference(conference -> conference
                        .stringType("type", UNKNOWN_TYPE)
                        .stringType(UNKNOWN_FIELD, "recording")));
    }

    @Test
    @PactTestFor(pactMethod = "conferenceWithUnknownValues")
    void conferenceWithUnknownValues(MockServer server) {
        ConferenceDetails details = Facade.conference(server).getConferenceDetails().orElseThrow();

        assertEquals(ConferenceTypeEnum.UNKNOWN_TO_SDK_VERSION, details.type());
        assertEquals(UNKNOWN_TYPE, details.typeAsString());
        assertEquals(Map.of(UNKNOWN_FIELD, "recording"), details.extraData());
        assertEquals(2, details.participants().size());
    }
}
