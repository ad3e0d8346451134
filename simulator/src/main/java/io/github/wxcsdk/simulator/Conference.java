package io.github.wxcsdk.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * An immutable snapshot of one active conference; {@link UserState} replaces it on every change.
 *
 * @param type the supervision mode of a supervisor's conference, or {@code null} for a standard conference
 */
record Conference(Instant created, int appearance, boolean held, boolean hostMuted, ConferenceType type,
        List<Participant> participants) {

    Conference {
        participants = List.copyOf(participants);
    }

    static Conference start(Instant created, int appearance, List<String> callIds) {
        return new Conference(created, appearance, false, false, null,
                callIds.stream().map(Participant::joined).toList());
    }

    Optional<ConferenceType> supervisionMode() {
        return Optional.ofNullable(type);
    }

    Conference withType(ConferenceType value) {
        return new Conference(created, appearance, held, hostMuted, value, participants);
    }

    boolean hasParticipant(String callId) {
        return participants.stream().anyMatch(p -> p.callId().equals(callId));
    }

    Conference withParticipant(String callId) {
        List<Participant> joined = new ArrayList<>(participants);
        joined.add(Participant.joined(callId));
        return new Conference(created, appearance, held, hostMuted, type, joined);
    }

    Conference withHeld(boolean value) {
        return new Conference(created, appearance, value, hostMuted, type, participants);
    }

    Conference withHostMuted(boolean value) {
        return new Conference(created, appearance, held, value, type, participants);
    }

    Conference withUpdatedParticipant(String callId, UnaryOperator<Participant> change) {
        List<Participant> updated = participants.stream()
                .map(p -> p.callId().equals(callId) ? change.apply(p) : p)
                .toList();
        return new Conference(created, appearance, held, hostMuted, type, updated);
    }
}
