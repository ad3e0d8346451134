package io.github.wxcsdk.simulator;

/** One participant of a conference, as the details answer shows it. */
record Participant(String callId, boolean muted, boolean deafened) {

    static Participant joined(String callId) {
        return new Participant(callId, false, false);
    }

    Participant withMuted(boolean value) {
        return new Participant(callId, value, deafened);
    }

    Participant withDeafened(boolean value) {
        return new Participant(callId, muted, value);
    }
}
