package io.github.wxcsdk.internal;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.wxcsdk.WebexException;
import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;
import io.github.wxcsdk.telephony.conference.ConferenceDetails;
import io.github.wxcsdk.testing.FakeTime;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Decoding never throws an untyped exception: any bytes as the body of a 200 to the details request, or of an error
 * answer, give either a value or a {@link WebexException} whose cause chain holds no Feign, Jackson or internal type
 * and whose text never shows the token. The whole client runs, Feign proxy and executor included, over an in-memory
 * transport ({@link InMemoryClients}).
 *
 * <p>{@code ./mvnw -B verify} runs the seeds in {@code src/test/resources/.../AnswerDecodingFuzzTestInputs/} (real
 * answers: the official example, {@code {}}, a Webex error, HTML, empty) as regression tests. To fuzz for real, one
 * method at a time, for N seconds:
 * <pre>JAZZER_FUZZ=1 ./mvnw -B test -pl facade -Dtest=AnswerDecodingFuzzTest#detailsAnswer \
 *     -Djazzer.hooks=true -Djazzer.max_duration=120s</pre>
 * ({@code jazzer.hooks} is off in the facade's pom for the quick seed run; fuzzing needs the instrumentation.)
 * New findings land next to the seeds; generated inputs in {@code facade/.cifuzz-corpus/} (ignored by git).
 */
class AnswerDecodingFuzzTest {
    private static final List<Integer> ERROR_STATUSES = List.of(400, 404, 423, 429, 500, 502, 503);
    /** Jazzer runs inputs one at a time, on one thread. */
    private static volatile InMemoryClients.Answer answer;
    private static final ConferenceControlsApi CONFERENCE = InMemoryClients.conference(
            InMemoryClients.settings(new FakeTime(), 1, Duration.ofMinutes(5)), () -> answer);

    @FuzzTest
    void detailsAnswer(byte[] body) {
        ConferenceControlsApi conference = conferenceAnswering(200, body);
        try {
            conference.getConferenceDetails().ifPresent(AnswerDecodingFuzzTest::readEverything);
        } catch (WebexException e) {
            assertClean(e);
        }
    }

    @FuzzTest
    void errorAnswer(byte[] body) {
        int status = ERROR_STATUSES.get(Math.floorMod(body.length, ERROR_STATUSES.size()));
        ConferenceControlsApi conference = conferenceAnswering(status, body);
        try {
            conference.getConferenceDetails().ifPresent(AnswerDecodingFuzzTest::readEverything);
            throw new AssertionError("an error status gave a value");
        } catch (WebexException e) {
            assertClean(e);
        }
        try {
            conference.startConference("c1", "c2");
            throw new AssertionError("an error status succeeded");
        } catch (WebexException e) {
            assertClean(e);
        }
    }

    private static void readEverything(ConferenceDetails details) {
        details.toString();
        details.hashCode();
        details.state();
        details.type();
        details.created();
        details.createdAsString();
        details.appearance();
        details.appearanceAsString();
        details.participants().forEach(participant -> {
            participant.toString();
            participant.hashCode();
        });
    }

    private static void assertClean(WebexException failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        assertFalse(trace.toString().contains(InMemoryClients.TOKEN), trace::toString);
        for (Throwable link = failure.getCause(); link != null; link = link.getCause()) {
            String type = link.getClass().getName();
            assertFalse(type.startsWith("feign.") || type.startsWith("com.fasterxml.")
                    || type.startsWith("io.github.wxcsdk.internal."), trace::toString);
        }
    }

    /**
     * The client of the run, built once: each input only swaps the answer. The first line of the body is also sent as
     * {@code Retry-After} and {@code trackingid}, so header parsing is fuzzed with it.
     */
    private static ConferenceControlsApi conferenceAnswering(int status, byte[] body) {
        String firstLine = new String(body, StandardCharsets.UTF_8).lines().findFirst().orElse("");
        answer = InMemoryClients.Answer.json(status, body,
                Map.of("Retry-After", List.of(firstLine), "trackingid", List.of(firstLine)));
        return CONFERENCE;
    }
}
