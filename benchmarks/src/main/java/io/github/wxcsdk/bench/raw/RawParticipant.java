package io.github.wxcsdk.bench.raw;

import com.fasterxml.jackson.annotation.JsonAnySetter;

import java.util.Map;

/**
 * One participant, as a hand-written client parses it.
 *
 * @param callId    the call id
 * @param muted     whether muted
 * @param deafened  whether deafened
 * @param extraData fields this model does not know
 */
public record RawParticipant(String callId, Boolean muted, Boolean deafened,
                             @JsonAnySetter Map<String, Object> extraData) {
}
