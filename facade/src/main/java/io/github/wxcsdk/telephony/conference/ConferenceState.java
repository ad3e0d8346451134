package io.github.wxcsdk.telephony.conference;

import io.github.wxcsdk.internal.json.OpenEnums;

/**
 * The state of a conference, as {@link ConferenceDetails#state()} reports it.
 *
 * <p>An open enum: a value this SDK version does not know becomes {@link #UNKNOWN_TO_SDK_VERSION}, and the raw value
 * stays available from {@link ConferenceDetails#stateAsString()}.
 */
public enum ConferenceState {
    /** The controller is an active participant. */
    CONNECTED("connected"),
    /** The controller has held the conference and so is no longer an active participant. */
    HELD("held"),
    /** The conference has been released. */
    DISCONNECTED("disconnected"),
    /** A value Webex sent that this version of the SDK does not know; see {@link ConferenceDetails#stateAsString()}. */
    UNKNOWN_TO_SDK_VERSION(null);

    private final String value;

    ConferenceState(String value) {
        this.value = value;
    }

    /**
     * Maps a wire value to a constant.
     *
     * @param value the value Webex sent, for example {@code "held"}
     * @return the constant; {@code null} for {@code null}; {@link #UNKNOWN_TO_SDK_VERSION} for any other value
     */
    public static ConferenceState fromValue(String value) {
        return OpenEnums.fromValue(value, values(), constant -> constant.value, UNKNOWN_TO_SDK_VERSION);
    }

    /**
     * The wire value.
     *
     * @return for example {@code "connected"}; the constant's name for {@link #UNKNOWN_TO_SDK_VERSION}
     */
    @Override
    public String toString() {
        return value == null ? name() : value;
    }
}
