package io.github.wxcsdk.telephony.conference;

import io.github.wxcsdk.internal.json.ImmutableJson;
import io.github.wxcsdk.internal.json.LenientValues;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The user's conference, as {@link ConferenceControlsApi#getConferenceDetails()} reports it. Immutable.
 *
 * <p>Every field is optional on the wire, so every accessor may return {@code null}, except {@link #participants()}
 * and {@link #extraData()}, which are never {@code null}. Values Webex adds later never fail a call: unknown enum
 * values map to {@code UNKNOWN_TO_SDK_VERSION} (the raw value stays in {@link #stateAsString()} and
 * {@link #typeAsString()}), unknown fields land in {@link #extraData()}. A value that cannot be read never fails a
 * call either: {@link #created()} or {@link #appearance()} is then {@code null} and the raw value stays in
 * {@link #createdAsString()} or {@link #appearanceAsString()}. Equality compares the raw values.
 */
public final class ConferenceDetails {
    private final String state;
    private final String appearance;
    private final String created;
    private final Boolean muted;
    private final String type;
    private final List<ConferenceParticipant> participants;
    private final Map<String, Object> extraData;

    private ConferenceDetails(Builder builder) {
        this.state = builder.state;
        this.appearance = builder.appearance;
        this.created = builder.created;
        this.muted = builder.muted;
        this.type = builder.type;
        this.participants = builder.participants == null ? List.of() : List.copyOf(builder.participants);
        this.extraData = ImmutableJson.copyOf(builder.extraData);
    }

    /**
     * Starts a conference description, for instance to stub {@link ConferenceControlsApi} in users' tests.
     *
     * @return a new builder with every field unset
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The state of the conference.
     *
     * @return the state; {@link ConferenceState#UNKNOWN_TO_SDK_VERSION} for a value this SDK does not know;
     *         {@code null} when Webex did not send one
     */
    public ConferenceState state() {
        return ConferenceState.fromValue(state);
    }

    /**
     * The state exactly as Webex sent it.
     *
     * @return the raw value, for example {@code "held"}, or {@code null} when Webex did not send one
     */
    public String stateAsString() {
        return state;
    }

    /**
     * The appearance index of the conference leg; only present when the conference has an appearance assigned.
     *
     * @return the index, or {@code null} when Webex sent none or a number that is not a whole {@code int} (a
     *         fraction such as {@code 2.5}, or {@code 1e12}): {@link #appearanceAsString()} has it then
     */
    public Integer appearance() {
        return LenientValues.wholeNumber(appearance);
    }

    /**
     * The appearance index as Webex sent it, as decimal text.
     *
     * @return for example {@code "3"}, {@code "2.5"} or {@code "1E+12"}; {@code null} when Webex did not send one
     */
    public String appearanceAsString() {
        return appearance;
    }

    /**
     * When the conference started, with the offset Webex sent (normally UTC).
     *
     * @return the start time; {@code null} when Webex sent none or a value that is not a full ISO 8601 date-time with
     *         offset, such as a date alone ({@code 2023-03-02}): no time or zone is invented, and
     *         {@link #createdAsString()} has the value
     */
    public OffsetDateTime created() {
        return LenientValues.timestamp(created);
    }

    /**
     * The start time exactly as Webex sent it.
     *
     * @return for example {@code "2023-03-02T15:00:00.000Z"} or {@code "2023-03-02"}; {@code null} when Webex did not
     *         send one
     */
    public String createdAsString() {
        return created;
    }

    /**
     * Whether the host of the conference is muted.
     *
     * @return the flag, or {@code null}
     */
    public Boolean muted() {
        return muted;
    }

    /**
     * The type of a non-standard conference (barge-in, silent monitoring, coaching).
     *
     * @return the type; {@link ConferenceTypeEnum#UNKNOWN_TO_SDK_VERSION} for a value this SDK does not know;
     *         {@code null} for a standard conference
     */
    public ConferenceTypeEnum type() {
        return ConferenceTypeEnum.fromValue(type);
    }

    /**
     * The type exactly as Webex sent it.
     *
     * @return the raw value, for example {@code "bargeIn"}, or {@code null}
     */
    public String typeAsString() {
        return type;
    }

    /**
     * The participants of the conference.
     *
     * @return an unmodifiable list, never {@code null}, empty when Webex sent none
     */
    public List<ConferenceParticipant> participants() {
        return participants;
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
        if (!(other instanceof ConferenceDetails)) {
            return false;
        }
        ConferenceDetails that = (ConferenceDetails) other;
        return Objects.equals(state, that.state) && Objects.equals(appearance, that.appearance)
                && Objects.equals(created, that.created) && Objects.equals(muted, that.muted)
                && Objects.equals(type, that.type) && participants.equals(that.participants)
                && extraData.equals(that.extraData);
    }

    @Override
    public int hashCode() {
        return Objects.hash(state, appearance, created, muted, type, participants, extraData);
    }

    @Override
    public String toString() {
        return "ConferenceDetails{state=" + state + ", appearance=" + appearance + ", created=" + created
                + ", muted=" + muted + (type == null ? "" : ", type=" + type) + ", participants=" + participants
                + (extraData.isEmpty() ? "" : ", extraData=" + extraData) + '}';
    }

    /** Builds a {@link ConferenceDetails}; not thread-safe, the built value is. */
    public static final class Builder {
        private String state;
        private String appearance;
        private String created;
        private Boolean muted;
        private String type;
        private List<ConferenceParticipant> participants;
        private Map<String, ?> extraData;

        private Builder() {
        }

        /**
         * Sets the state.
         *
         * @param state the state, or {@code null}
         * @return this builder
         * @throws IllegalArgumentException for {@link ConferenceState#UNKNOWN_TO_SDK_VERSION}: use
         *                                  {@link #stateAsString(String)} for a raw value
         */
        public Builder state(ConferenceState state) {
            if (state == ConferenceState.UNKNOWN_TO_SDK_VERSION) {
                throw new IllegalArgumentException("state: UNKNOWN_TO_SDK_VERSION has no wire value; use stateAsString");
            }
            this.state = state == null ? null : state.toString();
            return this;
        }

        /**
         * Sets the state as the raw wire value, which may be one this SDK does not know.
         *
         * @param state the raw value, or {@code null}
         * @return this builder
         */
        public Builder stateAsString(String state) {
            this.state = state;
            return this;
        }

        /**
         * Sets the appearance index.
         *
         * @param appearance the index, or {@code null}
         * @return this builder
         */
        public Builder appearance(Integer appearance) {
            this.appearance = appearance == null ? null : appearance.toString();
            return this;
        }

        /**
         * Sets the appearance index as the raw wire value, which may be one {@link ConferenceDetails#appearance()} cannot read.
         *
         * @param appearance the number as decimal text, or {@code null}
         * @return this builder
         */
        public Builder appearanceAsString(String appearance) {
            this.appearance = appearance;
            return this;
        }

        /**
         * Sets the start time.
         *
         * @param created the time, or {@code null}
         * @return this builder
         */
        public Builder created(OffsetDateTime created) {
            this.created = created == null ? null : created.toString();
            return this;
        }

        /**
         * Sets the start time as the raw wire value, which may be one {@link ConferenceDetails#created()} cannot read.
         *
         * @param created the raw value, for example {@code "2023-03-02"}, or {@code null}
         * @return this builder
         */
        public Builder createdAsString(String created) {
            this.created = created;
            return this;
        }

        /**
         * Sets whether the host is muted.
         *
         * @param muted the flag, or {@code null}
         * @return this builder
         */
        public Builder muted(Boolean muted) {
            this.muted = muted;
            return this;
        }

        /**
         * Sets the conference type.
         *
         * @param type the type, or {@code null} for a standard conference
         * @return this builder
         * @throws IllegalArgumentException for {@link ConferenceTypeEnum#UNKNOWN_TO_SDK_VERSION}: use
         *                                  {@link #typeAsString(String)} for a raw value
         */
        public Builder type(ConferenceTypeEnum type) {
            if (type == ConferenceTypeEnum.UNKNOWN_TO_SDK_VERSION) {
                throw new IllegalArgumentException("type: UNKNOWN_TO_SDK_VERSION has no wire value; use typeAsString");
            }
            this.type = type == null ? null : type.toString();
            return this;
        }

        /**
         * Sets the conference type as the raw wire value, which may be one this SDK does not know.
         *
         * @param type the raw value, or {@code null}
         * @return this builder
         */
        public Builder typeAsString(String type) {
            this.type = type;
            return this;
        }

        /**
         * Sets the participants; the list is copied.
         *
         * @param participants the participants, or {@code null} for none
         * @return this builder
         * @throws NullPointerException when the list contains {@code null}
         */
        public Builder participants(List<ConferenceParticipant> participants) {
            this.participants = participants == null ? null : List.copyOf(participants);
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
         * Builds the conference description.
         *
         * @return a new immutable value
         */
        public ConferenceDetails build() {
            return new ConferenceDetails(this);
        }
    }
}
