package io.github.wxcsdk.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** An immutable snapshot of one active conference; {@link UserState} replaces it on every change. */
record Conference(Instant created, int appearance, boolean held, boolean hostMuted, List<Participant> participants) {

    Conference {
        participants = List.copyOf(participants);
    }

    static Conference start(Instant created, int appearance, List<String> callIds) {
        return new Conference(created, appearance, false, false, callIds.stream().map(Participant::joined).toList());
    }

    boolean hasParticipant(String callId) {
        return participants.stream().anyMatch(p -> p.callId().equals(callId));
    }

    Conference withParticipant(String callId) {
        List<Participant> joined = new ArrayList<>(participants);
        joined.add(Participant.joined(callId));
        return new Conference(created, appearance, held, hostMuted, joined);
    }

    Conference withHeld(boolean value) {
        return new Conference(created, appearance, value, hostMuted, participants);
    }

    Conference withHostMuted(boolean value) {
        return new Conference(created, appearance, held, value, participants);
    }

    Conference withUpdatedParticipant(String callId, UnaryOperator<Participant> change) {
        List<Participant> updated = participants.stream()
                .map(p -> p.callId().equals(callId) ? change.apply(p) : p)
                .toList();
        return new Conference(created, appearance, held, hostMuted, updated);
    }
}
