package io.github.wxcsdk.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PathTemplateTest {
    private static final PathTemplate MEMBER_MUTE = PathTemplate.of("/v1/members/{memberId}/mute");

    @Test
    void literalPathMatchesOnlyItself() {
        PathTemplate literal = PathTemplate.of("/v1/telephony/conference");

        assertEquals(Optional.of(Map.of()), literal.match("/v1/telephony/conference"));
        assertEquals(Optional.empty(), literal.match("/v1/telephony/conference/"));
        assertEquals(Optional.empty(), literal.match("/v1/telephony"));
        assertEquals(Optional.empty(), literal.match("v1/telephony/conference"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "abc|abc",
        "a%2Fb|a/b",
        "a%3Fb|a?b",
        "a%23b|a#b",
        "a%25b|a%b",
        "a%20b|a b",
        "a+b|a+b",
        "%2525|%25",
        "Y2lzY29%3D|Y2lzY29=",
        "caf%C3%A9|café"})
    void variableIsTheSegmentDecodedOnce(String raw, String value) {
        assertEquals(Optional.of(Map.of("memberId", value)), MEMBER_MUTE.match("/v1/members/" + raw + "/mute"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/members//mute", "/v1/members/a/b/mute", "/v1/members/%zz/mute",
        "/v1/members/a%2/mute", "/v1/members/a/unmute"})
    void emptyExtraOrBrokenSegmentsDoNotMatch(String path) {
        assertEquals(Optional.empty(), MEMBER_MUTE.match(path));
    }

    @Test
    void literalSegmentsComeBeforeVariablesLeftmostFirst() {
        PathTemplate me = PathTemplate.of("/v1/members/me/mute");
        PathTemplate any = PathTemplate.of("/v1/members/{memberId}/mute");
        PathTemplate anyOp = PathTemplate.of("/v1/members/{memberId}/{op}");
        List<PathTemplate> templates = new ArrayList<>(List.of(anyOp, any, me));

        templates.sort(PathTemplate.MOST_SPECIFIC_FIRST);

        assertEquals(List.of(me, any, anyOp), templates);
        assertTrue(me.match("/v1/members/me/mute").isPresent());
        assertTrue(any.match("/v1/members/me/mute").isPresent(), "both match; the order decides");
    }
}
