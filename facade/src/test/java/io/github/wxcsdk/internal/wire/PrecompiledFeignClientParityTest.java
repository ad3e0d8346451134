package io.github.wxcsdk.internal.wire;

import io.github.wxcsdk.internal.ClientSettings;
import io.github.wxcsdk.internal.http.UserAgent;
import feign.Client;
import feign.Feign;
import feign.Request;
import feign.Response;
import feign.Retryer;
import feign.jackson.JacksonDecoder;
import feign.jackson.JacksonEncoder;
import io.github.wxcsdk.internal.generated.conference.api.ConferenceControlsClient;
import io.github.wxcsdk.internal.generated.conference.model.AddParticipantRequest;
import io.github.wxcsdk.internal.generated.conference.model.MuteRequest;
import io.github.wxcsdk.internal.generated.conference.model.ParticipantRequest;
import io.github.wxcsdk.internal.generated.conference.model.StartConferenceByMemberRequest;
import io.github.wxcsdk.internal.generated.conference.model.StartConferenceRequest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The precompiled client sends the request Feign's own invocation path sends for the same generated method and
 * arguments: method, URL, headers ({@code Content-Length} included: some Feign clients rely on it) and body bytes,
 * for every one of the 36 operations, but for three deliberate differences, each pinned by an example.
 */
class PrecompiledFeignClientParityTest {
    private static final URI BASE_URL = URI.create("https://webexapis.com/v1");
    private static final String TOKEN = "parity.token";
    /** What Feign takes for an already encoded value and sends as it is: unreserved characters, '%' and a %XX. */
    private static final Pattern LOOKS_ENCODED = Pattern.compile("[A-Za-z0-9._~%-]*%[0-9A-Fa-f]{2}[A-Za-z0-9._~%-]*");

    /** Both clients over one transport that keeps the last request. */
    private final List<Request> sent = new ArrayList<>();
    private final Client capture = (request, options) -> {
        sent.add(request);
        boolean details = request.httpMethod() == Request.HttpMethod.GET;
        return Response.builder().status(details ? 200 : 204).headers(Map.of())
                .body(details ? "{}".getBytes(StandardCharsets.UTF_8) : new byte[0]).request(request).build();
    };
    private final ConferenceControlsClient precompiled = PlansProxy.create(settings(), capture);
    private final ConferenceControlsClient feign = Feign.builder()
            .client(capture)
            .encoder(new JacksonEncoder(WireMapper.create()))
            .decoder(new JacksonDecoder(WireMapper.create()))
            .retryer(Retryer.NEVER_RETRY)
            .requestInterceptor(template -> {
                template.headerLiteral("Authorization", "Bearer " + TOKEN);
                template.headerLiteral("User-Agent", UserAgent.VALUE);
            })
            .target(ConferenceControlsClient.class, BASE_URL.toString());

    @Property(tries = 300)
    void everyOperationSendsWhatFeignSends(@ForAll("text") String trackingId, @ForAll("text") String lineOwnerId,
                                           @ForAll("text") String callId, @ForAll("callIds") List<String> callIds,
                                           @ForAll("pathValue") String memberId, @ForAll("text") String orgId) {
        Assume.that(lineOwnerId == null || !LOOKS_ENCODED.matcher(lineOwnerId).matches());
        Assume.that(orgId == null || !LOOKS_ENCODED.matcher(orgId).matches());
        Assume.that(trackingId == null || !trackingId.contains("%2F"));
        for (Consumer<ConferenceControlsClient> call
                : calls(trackingId, lineOwnerId, callId, callIds, memberId, orgId).values()) {
            assertSame(sentBy(feign, call), sentBy(precompiled, call));
        }
    }

    /** Every generated method (one per operation) is compiled, and covered by {@link #calls}. */
    @Example
    void everyGeneratedMethodIsCompiledAndCompared() {
        Set<String> plain = Arrays.stream(ConferenceControlsClient.class.getMethods())
                .map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(36, plain.size(), plain::toString);
        assertEquals(plain, new TreeSet<>(calls("t", "o", "c", List.of("a", "b"), "m", "g").keySet()));
        for (Consumer<ConferenceControlsClient> call : calls("t", "o", "c", List.of("a", "b"), "m", "g").values()) {
            call.accept(precompiled);
        }
    }

    /** Deliberate difference 1: a value that looks encoded is encoded again, so the server sees it verbatim. */
    @Example
    void aQueryValueThatLooksEncodedIsStillEncoded() {
        assertEquals("https://webexapis.com/v1/telephony/conference?lineOwnerId=a%20b",
                sentBy(feign, client -> client.getConferenceDetails(null, "a%20b")).url());
        assertEquals("https://webexapis.com/v1/telephony/conference?lineOwnerId=a%2520b",
                sentBy(precompiled, client -> client.getConferenceDetails(null, "a%20b")).url());
    }

    /** Deliberate difference 2: a header value is sent as given; Feign decodes {@code %2F} in it. */
    @Example
    void aHeaderValueIsSentVerbatim() {
        assertEquals(List.of("a/b"),
                sentBy(feign, client -> client.getConferenceDetails("a%2Fb", (String) null)).headers().get("TrackingID"));
        assertEquals(List.of("a%2Fb"),
                sentBy(precompiled, client -> client.getConferenceDetails("a%2Fb", (String) null)).headers().get("TrackingID"));
    }

    /**
     * Deliberate difference 3: a path value is one opaque segment. Feign leaves {@code /} (and sub-delimiters such as
     * {@code =}) as they are, so an id holding {@code /} would reach another path; ours encodes everything but the
     * unreserved characters.
     */
    @Example
    void aPathValueStaysOneSegment() {
        String memberId = "a/b c?d#e%f=";
        assertEquals("https://webexapis.com/v1/telephony/conference/members/a%2Fb%20c%3Fd%23e%25f%3D/hold?orgId=o/1",
                sentBy(precompiled, client -> client.holdByMemberId(memberId, null, "o/1")).url());
        assertTrue(sentBy(feign, client -> client.holdByMemberId(memberId, null, "o/1")).url()
                .contains("/members/a/b"), "Feign keeps the slash");
    }

    @Example
    void aNullPathValueIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> precompiled.holdByMemberId(null, null, (String) null));
        assertTrue(sent.isEmpty());
    }

    @Example
    void objectMethodsDoNotSend() {
        assertEquals("ConferenceControlsClient(" + BASE_URL + ")", precompiled.toString());
        assertEquals(precompiled, precompiled);
        assertEquals(System.identityHashCode(precompiled), precompiled.hashCode());
        assertTrue(sent.isEmpty());
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(12),
                Arbitraries.strings().withChars("aZ09-._~%{}/?&=+ ,;:@\"\\é€").ofMaxLength(12),
                Arbitraries.of("Y2lzY29zcGFyazovL3VzL0NBTEwvMQ", "%41", "a%2Fb", "{trackingID}", ""))
                .injectNull(0.2);
    }

    /** Path values both clients encode alike: RFC 3986's unreserved characters but the dot (no dot segments). */
    @Provide
    Arbitrary<String> pathValue() {
        return Arbitraries.oneOf(Arbitraries.strings().withChars("aZ09-_~").ofMinLength(1).ofMaxLength(12),
                Arbitraries.of("Y2lzY29zcGFyazovL3VzL1BFT1BMRS8x"));
    }

    @Provide
    Arbitrary<List<String>> callIds() {
        return text().filter(value -> value != null).list().ofMinSize(0).ofMaxSize(4).injectNull(0.1);
    }

    /** One call of each operation's plain method, by method name. */
    private static Map<String, Consumer<ConferenceControlsClient>> calls(String trackingId, String lineOwnerId,
                                                                       String callId, List<String> callIds,
                                                                       String memberId, String orgId) {
        Map<String, Consumer<ConferenceControlsClient>> calls = userCalls(trackingId, lineOwnerId, callId, callIds);
        calls.putAll(memberCalls(trackingId, callId, callIds, memberId, orgId));
        calls.put("bargeIn", client -> client.bargeIn(trackingId));
        calls.put("silentMonitor", client -> client.silentMonitor(trackingId));
        calls.put("supervisorCoach", client -> client.supervisorCoach(trackingId));
        calls.put("startMyConference", client -> client.startMyConference(
                new StartConferenceRequest().callIds(callIds).lineOwnerId(lineOwnerId), trackingId));
        calls.put("addMyConferenceParticipant", client -> client.addMyConferenceParticipant(
                new AddParticipantRequest().callId(callId).lineOwnerId(lineOwnerId), trackingId));
        calls.put("muteMyConference", client -> client.muteMyConference(trackingId, new MuteRequest().callId(callId)));
        calls.put("unmuteMyConference", client -> client.unmuteMyConference(trackingId,
                new MuteRequest().callId(callId)));
        calls.put("deafenMyConferenceParticipant", client -> client.deafenMyConferenceParticipant(
                new ParticipantRequest().callId(callId), trackingId));
        calls.put("undeafenMyConferenceParticipant", client -> client.undeafenMyConferenceParticipant(
                new ParticipantRequest().callId(callId), trackingId));
        calls.put("holdMyConference", client -> client.holdMyConference(trackingId, lineOwnerId));
        calls.put("resumeMyConference", client -> client.resumeMyConference(trackingId, lineOwnerId));
        calls.put("getMyConferenceDetails", client -> client.getMyConferenceDetails(trackingId, lineOwnerId));
        calls.put("releaseMyConference", client -> client.releaseMyConference(trackingId, lineOwnerId));
        return calls;
    }

    private static Map<String, Consumer<ConferenceControlsClient>> memberCalls(String trackingId, String callId,
                                                                             List<String> callIds, String memberId,
                                                                             String orgId) {
        Map<String, Consumer<ConferenceControlsClient>> calls = new TreeMap<>();
        calls.put("startConferenceByMemberId", client -> client.startConferenceByMemberId(memberId,
                new StartConferenceByMemberRequest().callIds(callIds), trackingId, orgId));
        calls.put("addParticipantByMemberId", client -> client.addParticipantByMemberId(memberId,
                new ParticipantRequest().callId(callId), trackingId, orgId));
        calls.put("muteByMemberId", client -> client.muteByMemberId(memberId, trackingId, orgId,
                new MuteRequest().callId(callId)));
        calls.put("unmuteByMemberId", client -> client.unmuteByMemberId(memberId, trackingId, orgId,
                new MuteRequest().callId(callId)));
        calls.put("deafenParticipantByMemberId", client -> client.deafenParticipantByMemberId(memberId,
                new ParticipantRequest().callId(callId), trackingId, orgId));
        calls.put("undeafenParticipantByMemberId", client -> client.undeafenParticipantByMemberId(memberId,
                new ParticipantRequest().callId(callId), trackingId, orgId));
        calls.put("holdByMemberId", client -> client.holdByMemberId(memberId, trackingId, orgId));
        calls.put("resumeByMemberId", client -> client.resumeByMemberId(memberId, trackingId, orgId));
        calls.put("getConferenceDetailsByMemberId", client -> client.getConferenceDetailsByMemberId(memberId,
                trackingId, orgId));
        calls.put("releaseConferenceByMemberId", client -> client.releaseConferenceByMemberId(memberId, trackingId,
                orgId));
        calls.put("bargeInByMemberId", client -> client.bargeInByMemberId(memberId, trackingId, orgId));
        calls.put("silentMonitorByMemberId", client -> client.silentMonitorByMemberId(memberId, trackingId, orgId));
        calls.put("supervisorCoachByMemberId", client -> client.supervisorCoachByMemberId(memberId, trackingId,
                orgId));
        return calls;
    }

    private static Map<String, Consumer<ConferenceControlsClient>> userCalls(String trackingId, String lineOwnerId,
                                                                           String callId, List<String> callIds) {
        Map<String, Consumer<ConferenceControlsClient>> calls = new TreeMap<>();
        calls.put("startConference", client -> client.startConference(
                new StartConferenceRequest().callIds(callIds).lineOwnerId(lineOwnerId), trackingId));
        calls.put("addParticipant", client -> client.addParticipant(
                new AddParticipantRequest().callId(callId).lineOwnerId(lineOwnerId), trackingId));
        calls.put("muteConference", client -> client.muteConference(trackingId, new MuteRequest().callId(callId)));
        calls.put("unmuteConference", client -> client.unmuteConference(trackingId,
                new MuteRequest().callId(callId)));
        calls.put("deafenParticipant", client -> client.deafenParticipant(
                new ParticipantRequest().callId(callId), trackingId));
        calls.put("undeafenParticipant", client -> client.undeafenParticipant(
                new ParticipantRequest().callId(callId), trackingId));
        calls.put("holdConference", client -> client.holdConference(trackingId, lineOwnerId));
        calls.put("resumeConference", client -> client.resumeConference(trackingId, lineOwnerId));
        calls.put("getConferenceDetails", client -> client.getConferenceDetails(trackingId, lineOwnerId));
        calls.put("releaseConference", client -> client.releaseConference(trackingId, lineOwnerId));
        return calls;
    }

    private Request sentBy(ConferenceControlsClient client, Consumer<ConferenceControlsClient> call) {
        sent.clear();
        call.accept(client);
        assertEquals(1, sent.size());
        return sent.get(0);
    }

    private static void assertSame(Request expected, Request actual) {
        String what = expected.httpMethod() + " " + expected.url();
        assertEquals(expected.httpMethod(), actual.httpMethod(), what);
        assertEquals(expected.url(), actual.url(), what);
        assertEquals(comparable(expected.headers()), comparable(actual.headers()), what);
        assertArrayEquals(bodyOf(expected), bodyOf(actual), what);
    }

    private static Map<String, List<String>> comparable(Map<String, Collection<String>> headers) {
        Map<String, List<String>> copy = new TreeMap<>();
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        return copy;
    }

    private static byte[] bodyOf(Request request) {
        return request.body() == null ? new byte[0] : request.body();
    }

    private static ClientSettings settings() {
        return ClientSettings.builder().baseUrl(BASE_URL).tokenProvider(io.github.wxcsdk.auth.TokenProvider.of(TOKEN))
                .connectTimeout(Duration.ofSeconds(1)).readTimeout(Duration.ofSeconds(1))
                .callTimeout(Duration.ofSeconds(1)).maxRetries(0).maxRetryAfter(Duration.ofSeconds(1))
                .jitter(() -> 0.5).build();
    }
}
