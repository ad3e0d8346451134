package io.github.wxcsdk.telephony.conference;

import io.github.wxcsdk.internal.json.OpenEnums;

/**
 * The type of a non-standard conference, as {@link ConferenceDetails#type()} reports it.
 *
 * <p>An open enum: a value this SDK version does not know becomes {@link #UNKNOWN_TO_SDK_VERSION}, and the raw value
 * stays available from {@link ConferenceDetails#typeAsString()}.
 */
public enum ConferenceTypeEnum {
    /** A supervisor barged in. */
    BARGE_IN("bargeIn"),
    /** A supervisor listens without being heard. */
    SILENT_MONITORING("silentMonitoring"),
    /** A supervisor coaches the agent, heard only by the agent. */
    COACHING("coaching"),
    /** A value Webex sent that this version of the SDK does not know; see {@link ConferenceDetails#typeAsString()}. */
    UNKNOWN_TO_SDK_VERSION(null);

    private final String value;

    ConferenceTypeEnum(String value) {
        this.value = value;
    }

    /**
     * Maps a wire value to a constant.
     *
     * @param value the value Webex sent, for example {@code "bargeIn"}
     * @return the constant; {@code null} for {@code null}; {@link #UNKNOWN_TO_SDK_VERSION} for any other value
     */
    public static ConferenceTypeEnum fromValue(String value) {
        return OpenEnums.fromValue(value, values(), constant -> constant.value, UNKNOWN_TO_SDK_VERSION);
    }

    /**
     * The wire value.
     *
     * @return for example {@code "bargeIn"}; the constant's name for {@link #UNKNOWN_TO_SDK_VERSION}
     */
    @Override
    public String toString() {
        return value == null ? name() : value;
    }
}
