package io.github.wxcsdk.faults;

import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;

import java.util.function.Consumer;

/**
 * The columns of the fault matrix: one operation per retry class, plus mute with
 * {@code retryStateChangesOnAmbiguousFailure(false)}. The class of an operation is the rule, written here by
 * hand: details and release are idempotent; mute, unmute, deafen, undeafen, hold and resume change a state; start and
 * addParticipant create something.
 */
public enum Operation {
    DETAILS(Safety.IDEMPOTENT, true, ConferenceControlsApi::getConferenceDetails),
    RELEASE(Safety.IDEMPOTENT, true, ConferenceControlsApi::releaseConference),
    MUTE(Safety.STATE_CHANGE, true, conference -> conference.mute("c1")),
    MUTE_STRICT(Safety.STATE_CHANGE, false, conference -> conference.mute("c1")),
    START(Safety.NOT_IDEMPOTENT, true, conference -> conference.startConference("c1", "c2")),
    ADD_PARTICIPANT(Safety.NOT_IDEMPOTENT, true, conference -> conference.addParticipant("c3"));

    /** How safe an operation is to resend, as the issue defines it. */
    public enum Safety { IDEMPOTENT, STATE_CHANGE, NOT_IDEMPOTENT }

    final Safety safety;
    final boolean retryStateChangesOnAmbiguousFailure;
    final Consumer<ConferenceControlsApi> call;

    Operation(Safety safety, boolean retryStateChangesOnAmbiguousFailure, Consumer<ConferenceControlsApi> call) {
        this.safety = safety;
        this.retryStateChangesOnAmbiguousFailure = retryStateChangesOnAmbiguousFailure;
        this.call = call;
    }

    /** @return whether the rules resend this operation after a failure that may have reached the server */
    boolean resentAfterAmbiguousFailure() {
        return safety == Safety.IDEMPOTENT
                || safety == Safety.STATE_CHANGE && retryStateChangesOnAmbiguousFailure;
    }
}
