package io.github.wxcsdk.bench.raw;

import com.fasterxml.jackson.annotation.JsonAnySetter;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * What a hand-written client parses the details into: the same fields as the facade's {@code ConferenceDetails},
 * unknown fields kept.
 *
 * @param state        the raw state
 * @param appearance   the appearance index
 * @param created      the start time
 * @param muted        whether the host is muted
 * @param type         the raw type
 * @param participants the participants
 * @param extraData    fields this model does not know
 */
public record RawConferenceDetails(String state, Integer appearance, OffsetDateTime created, Boolean muted,
                                   String type, List<RawParticipant> participants,
                                   @JsonAnySetter Map<String, Object> extraData) {
}
