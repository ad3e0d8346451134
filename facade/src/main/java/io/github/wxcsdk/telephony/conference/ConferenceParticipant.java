package io.github.wxcsdk.telephony.conference;

import io.github.wxcsdk.internal.json.ImmutableJson;

import java.util.Map;
import java.util.Objects;

/**
 * One participant of a conference, as {@link ConferenceControlsApi#getConferenceDetails()} reports it. Immutable.
 *
 * <p>Every field is optional on the wire, so every accessor may return {@code null}, except {@link #extraData()}.
 */
public final class ConferenceParticipant {
    private final String callId;
    private final Boolean muted;
    private final Boolean deafened;
    private final Map<String, Object> extraData;

    private ConferenceParticipant(Builder builder) {
        this.callId = builder.callId;
        this.muted = builder.muted;
        this.deafened = builder.deafened;
        this.extraData = ImmutableJson.copyOf(builder.extraData);
    }

    /**
     * Starts a participant, for instance to stub {@link ConferenceControlsApi} in users' tests.
     *
     * @return a new builder with every field unset
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The id of the participant's call.
     *
     * @return the call id, or {@code null} when Webex did not send it
     */
    public String callId() {
        return callId;
    }

    /**
     * Whether the participant is muted: their media is not transmitted to the conference.
     *
     * @return the flag, or {@code null} when Webex did not send it
     */
    public Boolean muted() {
        return muted;
    }

    /**
     * Whether the participant is deafened: the conference media is not transmitted to them.
     *
     * @return the flag, or {@code null} when Webex did not send it
     */
    public Boolean deafened() {
        return deafened;
    }

    /**
     * The fields Webex sent that this SDK version does not know, as JSON values (maps, lists, strings, numbers,
     * booleans, {@code null}).
     *
     * @return an unmodifiable map, never {@code null}
     */
    public Map<String, Object> extraData() {
        return extraData;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof ConferenceParticipant)) {
            return false;
        }
        ConferenceParticipant that = (ConferenceParticipant) other;
        return Objects.equals(callId, that.callId) && Objects.equals(muted, that.muted)
                && Objects.equals(deafened, that.deafened) && extraData.equals(that.extraData);
    }

    @Override
    public int hashCode() {
        return Objects.hash(callId, muted, deafened, extraData);
    }

    @Override
    public String toString() {
        return "ConferenceParticipant{callId=" + callId + ", muted=" + muted + ", deafened=" + deafened
                + (extraData.isEmpty() ? "" : ", extraData=" + extraData) + '}';
    }

    /** Builds a {@link ConferenceParticipant}; not thread-safe, the built value is. */
    public static final class Builder {
        private String callId;
        private Boolean muted;
        private Boolean deafened;
        private Map<String, ?> extraData;

        private Builder() {
        }

        /**
         * Sets the call id.
         *
         * @param callId the id, or {@code null}
         * @return this builder
         */
        public Builder callId(String callId) {
            this.callId = callId;
            return this;
        }

        /**
         * Sets whether the participant is muted.
         *
         * @param muted the flag, or {@code null}
         * @return this builder
         */
        public Builder muted(Boolean muted) {
            this.muted = muted;
            return this;
        }

        /**
         * Sets whether the participant is deafened.
         *
         * @param deafened the flag, or {@code null}
         * @return this builder
         */
        public Builder deafened(Boolean deafened) {
            this.deafened = deafened;
            return this;
        }

        /**
         * Sets the unknown fields; the map is copied deeply.
         *
         * @param extraData JSON values by field name, or {@code null} for none
         * @return this builder
         */
        public Builder extraData(Map<String, ?> extraData) {
            this.extraData = extraData;
            return this;
        }

        /**
         * Builds the participant.
         *
         * @return a new immutable participant
         */
        public ConferenceParticipant build() {
            return new ConferenceParticipant(this);
        }
    }
}
