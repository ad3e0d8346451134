package io.github.wxcsdk.internal.conference;

import io.github.wxcsdk.internal.json.LenientValues;
import io.github.wxcsdk.telephony.conference.ConferenceDetails;
import io.github.wxcsdk.telephony.conference.ConferenceParticipant;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Maps the generated wire model (same simple names, hence fully qualified here) to the public, stable model. */
final class ConferenceDetailsMapper {
    private ConferenceDetailsMapper() {
    }

    /** @return the public details; empty for no answer or {@code {}} (no conference) */
    static Optional<ConferenceDetails> toPublic(
            io.github.wxcsdk.internal.generated.conference.model.ConferenceDetails wire) {
        if (wire == null || isEmpty(wire)) {
            return Optional.empty();
        }
        return Optional.of(ConferenceDetails.builder()
                .stateAsString(wire.getState())
                .appearanceAsString(LenientValues.text(wire.getAppearance()))
                .createdAsString(wire.getCreated())
                .muted(wire.getMuted())
                .typeAsString(wire.getType())
                .participants(participants(wire.getParticipants()))
                .extraData(wire.getAdditionalProperties())
                .build());
    }

    private static boolean isEmpty(io.github.wxcsdk.internal.generated.conference.model.ConferenceDetails wire) {
        return wire.getState() == null && wire.getAppearance() == null && wire.getCreated() == null
                && wire.getMuted() == null && wire.getType() == null
                && (wire.getParticipants() == null || wire.getParticipants().isEmpty())
                && (wire.getAdditionalProperties() == null || wire.getAdditionalProperties().isEmpty());
    }

    private static List<ConferenceParticipant> participants(
            List<io.github.wxcsdk.internal.generated.conference.model.ConferenceParticipant> wire) {
        if (wire == null) {
            return List.of();
        }
        List<ConferenceParticipant> participants = new ArrayList<>(wire.size());
        for (var participant : wire) {
            if (participant != null) {
                participants.add(ConferenceParticipant.builder()
                        .callId(participant.getCallId())
                        .muted(participant.getMuted())
                        .deafened(participant.getDeafened())
                        .extraData(participant.getAdditionalProperties())
                        .build());
            }
        }
        return participants;
    }
}
