package io.github.wxcsdk;

import java.time.Duration;
import java.util.Optional;

/**
 * A call that has ended, successfully or not, as {@link CallListener#onCallEnd(CallEvent)} sees it. A call is one
 * method of the SDK's API, with all its attempts, waits and token requests. Immutable.
 */
public interface CallEvent extends CallInfo {

    /**
     * The HTTP status of the last answer.
     *
     * @return the status, or 0 when no answer arrived (a network failure, a timeout before any answer, a call
     *         cancelled or failed before sending)
     */
    int statusCode();

    /**
     * How many requests were sent.
     *
     * @return 0 when the call ended before sending anything, 1 when it was not resent, more after retries
     */
    int attempts();

    /**
     * The time of the whole call, from the SDK method being called to its result: attempts, waits for retries and for
     * the throttle, token requests and waits for a free request slot included.
     *
     * @return the duration
     */
    Duration duration();

    /**
     * The exception the call ended with, when it is one of the SDK's.
     *
     * @return the exception thrown to the caller (or completing the future exceptionally), empty on success and when
     *         the call ended with another exception (see {@link #error()})
     */
    Optional<WebexException> failure();

    /**
     * The exception the call ended with, whatever it is: a {@link WebexException}, or for example an
     * {@link IllegalStateException} from a token provider that returned no token, or a
     * {@link java.util.concurrent.CancellationException} when the caller cancelled an asynchronous call.
     *
     * @return the exception, empty on success
     */
    Optional<Throwable> error();

    /**
     * How the call ended, by the rule of {@link CallOutcome#of(Throwable)}.
     *
     * @return the outcome
     */
    CallOutcome outcome();

    /**
     * What went wrong, for the OpenTelemetry {@code error.type}.
     *
     * @return empty on success; else the status code for an error answer (for example {@code 404}), or the class of
     *         the failure when no answer settled it (for example {@code io.github.wxcsdk.WebexTimeoutException});
     *         never a message, so never an id or a token
     */
    Optional<String> errorType();

    /**
     * The time the call waited for its turn at the client's throttle (see
     * {@code WebexSimpleApi.Builder.adaptiveThrottling}).
     *
     * @return the total of its waits, {@link Duration#ZERO} when it did not wait
     */
    Duration throttleWait();

    /**
     * The time the call waited before its retries: the server's {@code Retry-After} or the backoff.
     *
     * @return the total of its waits, {@link Duration#ZERO} when it was not retried
     */
    Duration retryWait();

    /**
     * The time the call spent asking the token provider for tokens, over all its attempts.
     *
     * @return the total, close to zero for a token at hand, longer when a token was refreshed
     */
    Duration tokenFetch();
}
