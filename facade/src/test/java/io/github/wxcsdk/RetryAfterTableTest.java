package io.github.wxcsdk;

import io.github.wxcsdk.TestClients.Api;
import io.github.wxcsdk.testing.FakeTime;
import io.github.wxcsdk.testing.StubServer;
import io.github.wxcsdk.testing.StubServer.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How long the SDK waits after a 429 for each kind of {@code Retry-After}, measured on a fake clock. */
class RetryAfterTableTest {
    private final FakeTime time = new FakeTime();
    private StubServer stub;

    @BeforeEach
    void start() {
        stub = StubServer.start();
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    /** {@code +30s} and {@code -60s} stand for HTTP-dates that far from the fake clock's now. */
    static Stream<Arguments> table() {
        String[][] rows = {
            {"0", "0"}, {"1", "1000"}, {"5.0", "5000"}, {"-1", "5000"}, {"abc", "5000"}, {"+30s", "30000"},
            {"-60s", "0"}, {"60", "60000"}, {null, "5000"},
        };
        return Arrays.stream(Api.values()).flatMap(api -> Arrays.stream(rows)
                .map(row -> Arguments.of(row[0], Long.parseLong(row[1]), api)));
    }

    @ParameterizedTest(name = "Retry-After \"{0}\" waits {1} ms ({2})")
    @MethodSource("table")
    void waitsAsTheHeaderSays(String header, long expectedMillis, Api api) {
        stub.enqueue(throttled(httpDate(header)));
        List<RetryEvent> retries = new ArrayList<>();

        api.conference(TestClients.builder(stub, time).retryListener(retries::add)).hold();

        assertEquals(expectedMillis == 0 ? List.of() : List.of(Duration.ofMillis(expectedMillis)), time.sleeps(),
                "a zero wait is not slept");
        assertEquals(Duration.ofMillis(expectedMillis), retries.get(0).delay());
        assertEquals(2, stub.requests().size());
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void aRetryAfterLongerThanTheCapFailsAtOnceWithTheServersValue(Api api) {
        stub.enqueue(throttled("3600"));

        WebexApiException thrown = assertThrows(WebexApiException.class, () ->
                api.conference(TestClients.builder(stub, time).maxRetryAfter(Duration.ofSeconds(10))).hold());

        assertEquals(Duration.ofHours(1), thrown.retryAfter().orElseThrow());
        assertEquals(List.of(), time.sleeps(), "never resent before the server's Retry-After");
        assertEquals(1, stub.requests().size());
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void aWaitPastTheDeadlineFailsAtOnceWithTheServersRetryAfter(Api api) {
        stub.enqueue(throttled("30"));

        WebexApiException thrown = assertThrows(WebexApiException.class, () ->
                api.conference(TestClients.builder(stub, time).callTimeout(Duration.ofSeconds(10))).hold());

        assertEquals(429, thrown.statusCode());
        assertEquals(Duration.ofSeconds(30), thrown.retryAfter().orElseThrow());
        assertEquals(1, thrown.attempts());
        assertEquals(List.of(), time.sleeps(), "no wait that cannot end in time");
        assertEquals(1, stub.requests().size());
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void throttlingThatDoesNotEndFailsBeforeTheCallTimeoutWithTheServersValue(Api api) {
        for (int i = 0; i <= 5; i++) {
            stub.enqueue(throttled("60"));
        }
        WebexApiException thrown = assertThrows(WebexApiException.class, () ->
                api.conference(TestClients.builder(stub, time)).hold());
        assertEquals(Duration.ofSeconds(60), thrown.retryAfter().orElseThrow());
        assertTrue(thrown.attempts() > 4, "resent until the next wait would pass the 5 min call timeout");
        assertEquals(Duration.ofSeconds(60), time.sleeps().get(0));
        assertTrue(time.sleeps().stream().allMatch(wait -> wait.compareTo(Duration.ofSeconds(60)) <= 0),
                () -> "no wait longer than the server asked: " + time.sleeps());
    }

    private String httpDate(String header) {
        if (header == null || !header.endsWith("s") || header.length() < 3) {
            return header;
        }
        long seconds = Long.parseLong(header.substring(0, header.length() - 1));
        return DateTimeFormatter.RFC_1123_DATE_TIME.format(time.now().plusSeconds(seconds)
                .atOffset(ZoneOffset.UTC));
    }

    private static Answer throttled(String retryAfter) {
        Answer answer = Answer.json(429, "{\"message\":\"Too many requests\"}");
        return retryAfter == null ? answer : answer.withHeader("Retry-After", retryAfter);
    }

}
