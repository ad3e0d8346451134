package io.github.wxcsdk.internal.conference;

import io.github.wxcsdk.internal.wire.WireMapper;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.wxcsdk.telephony.conference.ConferenceDetails;
import io.github.wxcsdk.telephony.conference.ConferenceState;
import io.github.wxcsdk.telephony.conference.ConferenceTypeEnum;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Webex adds fields and enum values without notice, and types {@code created} and {@code appearance} loosely: none
 * of them may fail decoding or be lost.
 */
class DetailsTolerancePropertyTest {
    private static final Set<String> KNOWN = Set.of("state", "appearance", "created", "muted", "type",
            "participants");
    private static final ObjectMapper MAPPER = WireMapper.create();

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

    @Property(tries = 300)
    void anyCreatedStringAndAnyAppearanceNumberAreReadWithoutFailing(@ForAll("createdValues") String created,
                                                                     @ForAll("numbers") BigDecimal appearance)
            throws Exception {
        byte[] json = ("{\"created\":" + MAPPER.writeValueAsString(created) + ",\"appearance\":" + appearance + "}")
                .getBytes(StandardCharsets.UTF_8);

        ConferenceDetails details = ConferenceDetailsMapper.toPublic(MAPPER.readValue(json,
                io.github.wxcsdk.internal.generated.conference.model.ConferenceDetails.class)).orElseThrow();

        assertEquals(created, details.createdAsString());
        assertEquals(0, appearance.compareTo(new BigDecimal(details.appearanceAsString())));
        Integer whole = details.appearance();
        if (whole != null) {
            assertEquals(0, appearance.compareTo(BigDecimal.valueOf(whole)), "an appearance is never truncated");
        }
        OffsetDateTime time = details.created();
        if (time != null) {
            assertEquals(OffsetDateTime.parse(created), time);
        }
    }

    @Provide
    Arbitrary<String> createdValues() {
        return Arbitraries.oneOf(Arbitraries.of("2023-03-02", "2023-03-02T15:00:00.000Z", "2023-03-02T15:00:00",
                        "2023-03-02T16:00:00+01:00", "", "yesterday"),
                Arbitraries.strings().ofMaxLength(30));
    }

    @Provide
    Arbitrary<BigDecimal> numbers() {
        return Arbitraries.oneOf(Arbitraries.bigDecimals().ofScale(3),
                Arbitraries.integers().map(BigDecimal::valueOf),
                Arbitraries.of(new BigDecimal("1E+12"), new BigDecimal("2.5"), new BigDecimal("3.0")));
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
