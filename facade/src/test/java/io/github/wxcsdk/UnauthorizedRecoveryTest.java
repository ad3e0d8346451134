package io.github.wxcsdk;

import io.github.wxcsdk.TestClients.Api;
import io.github.wxcsdk.auth.TokenProvider;
import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;
import io.github.wxcsdk.testing.FakeTime;
import io.github.wxcsdk.testing.StubServer;
import io.github.wxcsdk.testing.StubServer.Answer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A {@code 401} means Webex did not act on the request: every operation, start and addParticipant included, is resent
 * once with a fresh token from the provider, which is told which token was rejected; a second {@code 401}, or a
 * provider with nothing better, fails with the {@code 401}'s {@link WebexApiException}.
 */
class UnauthorizedRecoveryTest {
    private static final Answer UNAUTHORIZED = Answer.json(401,
            "{\"message\":\"The request requires a valid access token set in the Authorization request header.\"}");

    /** Hands out {@code token-1}, {@code token-2}, ...: a new one after each rejection. */
    private static final class RotatingProvider implements TokenProvider {
        final AtomicInteger generation = new AtomicInteger(1);
        final List<String> rejected = new ArrayList<>();

        @Override
        public String accessToken(Duration maxWait) {
            return "token-" + generation.get();
        }

        @Override
        public synchronized void unauthorized(String rejectedToken) {
            rejected.add(rejectedToken);
            generation.compareAndSet(Integer.parseInt(rejectedToken.substring("token-".length())),
                    generation.get() + 1);
        }
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void everyOperationIsResentOnceWithAFreshToken(Api api) {
        List<Consumer<ConferenceControlsApi>> calls = List.of(c -> c.startConference("c1", "c2"),
                c -> c.addParticipant("c3"), ConferenceControlsApi::mute, ConferenceControlsApi::hold,
                ConferenceControlsApi::releaseConference, ConferenceControlsApi::bargeIn,
                c -> c.forMember("m", "o").startConference("c1", "c2"));
        for (Consumer<ConferenceControlsApi> call : calls) {
            try (StubServer stub = StubServer.start()) {
                RotatingProvider tokens = new RotatingProvider();
                stub.enqueue(UNAUTHORIZED).enqueue(Answer.noContent());
                call.accept(api.conference(TestClients.builder(stub, new FakeTime()).tokenProvider(tokens)));

                List<StubServer.RecordedRequest> requests = stub.requests();
                assertEquals(2, requests.size());
                assertEquals("Bearer token-1", requests.get(0).header("Authorization"));
                assertEquals("Bearer token-2", requests.get(1).header("Authorization"));
                assertEquals(requests.get(0).header("TrackingID"), requests.get(1).header("TrackingID"));
                assertEquals(requests.get(0).body(), requests.get(1).body());
                assertEquals(List.of("token-1"), tokens.rejected);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void aSecondUnauthorizedFailsTheCall(Api api) {
        try (StubServer stub = StubServer.start()) {
            RotatingProvider tokens = new RotatingProvider();
            stub.enqueue(UNAUTHORIZED).enqueue(UNAUTHORIZED).enqueue(Answer.noContent());
            ConferenceControlsApi conference = api.conference(TestClients.builder(stub, new FakeTime())
                    .tokenProvider(tokens));

            WebexApiException e = assertThrows(WebexApiException.class, () -> conference.startConference("a", "b"));

            assertEquals(401, e.statusCode());
            assertEquals(2, e.attempts());
            assertEquals(2, stub.requests().size());
        }
    }

    @ParameterizedTest
    @EnumSource(Api.class)
    void aFixedTokenIsNotResent(Api api) {
        try (StubServer stub = StubServer.start()) {
            stub.enqueue(UNAUTHORIZED).enqueue(Answer.noContent());
            ConferenceControlsApi conference = api.conference(TestClients.builder(stub, new FakeTime()));

            WebexApiException e = assertThrows(WebexApiException.class, conference::hold);

            assertEquals(401, e.statusCode());
            assertEquals(1, stub.requests().size(), "the same token would be refused again");
        }
    }
}
