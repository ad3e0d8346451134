package io.github.wxcsdk.contract;

import au.com.dius.pact.consumer.ConsumerPactBuilder;
import au.com.dius.pact.consumer.ConsumerPactRunnerKt;
import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.PactVerificationResult;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.model.MockProviderConfig;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import io.github.wxcsdk.RetryEvent;
import io.github.wxcsdk.WebexApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingConsumer;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.github.wxcsdk.contract.ConferenceContract.CONSUMER;
import static io.github.wxcsdk.contract.ConferenceContract.MUTE;
import static io.github.wxcsdk.contract.ConferenceContract.PROVIDER;
import static io.github.wxcsdk.contract.ConferenceContract.jsonPost;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Pins throttling: 429 with {@code Retry-After} (delay-seconds) and the Webex error body; the façade reports it
 * completely, and when retries are allowed it waits as told, sends the same request again and succeeds.
 *
 * <p>How "429, then success" is put into a pact: Pact JVM's mock server gives identical requests the same answer
 * every time (of several matching interactions it takes the best-scoring, the first on a tie), and a retry is
 * byte-for-byte the first request (same {@code TrackingID}). So the sequence is made of two interactions that a
 * provider verifies one at a time, each under its own provider state: the throttled answer
 * ({@link ProviderStates#RATE_LIMIT_EXCEEDED}) and the ordinary success ({@link ConferenceCommandsPactTest#hostMute},
 * reused unchanged). The retry test runs each on its own mock server and puts an {@link AttemptRouter} in front, which
 * sends the first attempt to the first server and the retry to the second; each server checks the request it got and
 * writes its interaction into the pact. The mock servers are run with Pact's {@code runConsumerTest}, as the JUnit 5
 * extension starts only one mock server per provider and test.
 */
class ThrottlingPactTest {
    private static final WebexErrorAnswer THROTTLED =
            new WebexErrorAnswer(429, "Too many requests have been sent in a given amount of time.", null);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    static V4Pact throttledHostMute(PactDslWithProvider builder) {
        return THROTTLED.answer(jsonPost(builder, ProviderStates.RATE_LIMIT_EXCEEDED,
                        "mute the host when the rate limit is exceeded", MUTE, "{}"))
                .matchHeader("Retry-After", "\\d+", Long.toString(RETRY_AFTER.toSeconds()))
                .toPact(V4Pact.class);
    }

    @Test
    void throttlingIsReportedWithTheServersWait() {
        runAgainst(throttledHostMute(newPact()), server -> {
            WebexApiException error = THROTTLED.assertReportedBy(() -> Facade.builder(server.getUrl())
                    .maxRetries(0).build().telephony().conference().mute());
            assertEquals(Optional.of(RETRY_AFTER), error.retryAfter());
            assertEquals(1, error.attempts());
        });
    }

    @Test
    void aThrottledCallIsSentAgainAfterTheServersWaitAndSucceeds() {
        List<RetryEvent> retries = new CopyOnWriteArrayList<>();
        runAgainst(throttledHostMute(newPact()), throttled ->
                runAgainst(ConferenceCommandsPactTest.hostMute(newPact()), success -> {
                    try (AttemptRouter router = AttemptRouter.start(throttled.getUrl(), success.getUrl())) {
                        Facade.builder(router.url()).retryListener(retries::add).build().telephony().conference()
                                .mute();
                        assertEquals(2, router.requestsReceived());
                    }
                }));

        assertEquals(1, retries.size(), retries::toString);
        assertEquals(429, retries.get(0).statusCode());
        assertEquals(RETRY_AFTER, retries.get(0).delay());
    }

    private static PactDslWithProvider newPact() {
        return ConsumerPactBuilder.consumer(CONSUMER).hasPactWith(PROVIDER);
    }

    /** Runs {@code test} against a mock server of {@code pact}; on success the interaction is written to the pact. */
    private static void runAgainst(V4Pact pact, ThrowingConsumer<MockServer> test) {
        PactVerificationResult result = ConsumerPactRunnerKt.runConsumerTest(pact,
                MockProviderConfig.createDefault(PactSpecVersion.V4), (server, context) -> {
                    test.accept(server);
                    return null;
                });
        if (result instanceof PactVerificationResult.Error error) {
            if (error.getError() instanceof AssertionError assertion) {
                throw assertion;
            }
            fail(error.getError());
        }
        if (!(result instanceof PactVerificationResult.Ok)) {
            fail(result.getDescription());
        }
    }
}
