package io.github.wxcsdk.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.github.wxcsdk.telephony.conference.ConferenceDetails;
import io.github.wxcsdk.telephony.conference.ConferenceParticipant;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Renders a conference as JSON in Webex's own field names; no conference is {@code {}}, as Webex answers. */
final class ConferenceJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ConferenceJson() {
    }

    static String render(Optional<ConferenceDetails> conference) {
        Map<String, Object> json = conference.map(ConferenceJson::toMap).orElseGet(Map::of);
        try {
            return MAPPER.writeValueAsString(json) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> toMap(ConferenceDetails details) {
        Map<String, Object> json = new LinkedHashMap<>();
        putIfSet(json, "state", details.stateAsString());
        putIfSet(json, "appearance", details.appearance() != null ? details.appearance() : details.appearanceAsString());
        putIfSet(json, "created", details.createdAsString());
        putIfSet(json, "muted", details.muted());
        putIfSet(json, "type", details.typeAsString());
        List<Map<String, Object>> participants = new ArrayList<>();
        for (ConferenceParticipant participant : details.participants()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            putIfSet(entry, "callId", participant.callId());
            putIfSet(entry, "muted", participant.muted());
            putIfSet(entry, "deafened", participant.deafened());
            entry.putAll(participant.extraData());
            participants.add(entry);
        }
        json.put("participants", participants);
        json.putAll(details.extraData());
        return json;
    }

    private static void putIfSet(Map<String, Object> json, String name, Object value) {
        if (value != null) {
            json.put(name, value);
        }
    }
}
