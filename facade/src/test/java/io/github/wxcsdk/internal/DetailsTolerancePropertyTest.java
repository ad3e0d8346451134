package io.github.wxcsdk.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.wxcsdk.telephony.conference.ConferenceDetails;
import io.github.wxcsdk.telephony.conference.ConferenceState;
import io.github.wxcsdk.telephony.conference.ConferenceTypeEnum;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Webex adds fields and enum values without notice: none of them may fail decoding or be lost. */
class DetailsTolerancePropertyTest {
    private static final Set<String> KNOWN = Set.of("state", "appearance", "created", "muted", "type",
            "participants");
    private static final ObjectMapper MAPPER = GeneratedClientFactory.objectMapper();

    @Property(tries = 300)
    void unknownFieldsAreKeptAndUnknownValuesAreOpen(@ForAll("fields") Map<String, Object> extra,
                                                     @ForAll("words") String state, @ForAll("words") String type)
            throws Exception {
        Map<String, Object> json = new LinkedHashMap<>(extra);
        json.put("state", state);
        json.put("type", type);
        json.put("participants", List.of(Map.of("callId", "c1", "role", state)));

        ConferenceDetails details = ConferenceDetailsMapper.toPublic(MAPPER.readValue(MAPPER.writeValueAsBytes(json),
                io.github.wxcsdk.internal.generated.conference.model.ConferenceDetails.class)).orElseThrow();

        assertEquals(state, details.stateAsString());
        assertEquals(type, details.typeAsString());
        assertEquals(known(ConferenceState.values(), state, ConferenceState.UNKNOWN_TO_SDK_VERSION),
                details.state());
        assertEquals(known(ConferenceTypeEnum.values(), type, ConferenceTypeEnum.UNKNOWN_TO_SDK_VERSION),
                details.type());
        assertEquals(extra, details.extraData());
        assertEquals(Map.of("role", state), details.participants().get(0).extraData());
    }

    private static <E extends Enum<E>> E known(E[] values, String wire, E unknown) {
        for (E value : values) {
            if (value != unknown && value.toString().equals(wire)) {
                return value;
            }
        }
        return unknown;
    }

    @Provide
    Arbitrary<String> words() {
        return Arbitraries.oneOf(Arbitraries.of("connected", "held", "disconnected", "bargeIn", "silentMonitoring",
                "coaching"), Arbitraries.strings().ofMinLength(1).ofMaxLength(20));
    }

    @Provide
    Arbitrary<Map<String, Object>> fields() {
        Arbitrary<Object> values = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(10),
                Arbitraries.integers(), Arbitraries.of(true, false),
                Arbitraries.strings().ofMaxLength(5).list().ofMaxSize(3).map(list -> (Object) list));
        return Arbitraries.maps(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12)
                .filter(name -> !KNOWN.contains(name)), values).ofMaxSize(5);
    }
}
