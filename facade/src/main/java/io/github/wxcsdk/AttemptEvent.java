package io.github.wxcsdk;

import java.time.Duration;
import java.util.Optional;

/**
 * One attempt of a call that has ended, as {@link CallListener#onAttempt(AttemptEvent)} sees it: one HTTP exchange
 * (a call has several when it is retried, throttled or resent with a fresh token). Immutable.
 */
public interface AttemptEvent extends CallInfo {

    /**
     * Which attempt this was.
     *
     * @return 1 for the first attempt of the call, 2 for the first resend, ...
     */
    int attempt();

    /**
     * How many times the request had been sent before this attempt, the OpenTelemetry
     * {@code http.request.resend_count}.
     *
     * @return {@code attempt() - 1}
     */
    default int resendCount() {
        return attempt() - 1;
    }

    /**
     * The HTTP status of the answer.
     *
     * @return the status, or 0 when no answer arrived
     */
    int statusCode();

    /**
     * How the attempt ended.
     *
     * @return the outcome; {@link CallOutcome#SUCCESS} only for a 2xx answer that could be read
     */
    CallOutcome outcome();

    /**
     * What went wrong, for the OpenTelemetry {@code error.type}.
     *
     * @return empty on success; else the status code for an error answer (for example {@code 429}), or the class of
     *         failure when no usable answer arrived ({@code java.net.ConnectException},
     *         {@code java.net.http.HttpTimeoutException}, ...); never a message, so never an id or token
     */
    Optional<String> errorType();

    /**
     * The time of the exchange, from just before the request was handed to the transport to the end of its answer.
     *
     * @return the duration
     */
    Duration duration();

    /**
     * The time spent asking the token provider for this attempt's token, before the exchange. Long when a refresh
     * happened (for example {@link io.github.wxcsdk.auth.OAuthTokenProvider} renewing an expiring token).
     *
     * @return the duration, {@link Duration#ZERO} or close to it for a token at hand
     */
    Duration tokenFetch();

    /**
     * What the call does next.
     *
     * @return the wait before the next attempt when the call is resent (zero for the one resend after a {@code 401}
     *         with a fresh token, the server's {@code Retry-After} or the backoff otherwise), empty when this was the
     *         call's last attempt
     */
    Optional<Duration> retryDelay();
}
