package io.github.wxcsdk;

import java.time.Duration;

/**
 * One retry, as a {@link RetryListener} sees it.
 *
 * @param httpMethod    the HTTP method of the call, for example {@code POST}
 * @param path          the request path without the query, for example {@code /v1/telephony/conference/mute}
 * @param failedAttempt the number of the attempt that failed, from 1
 * @param statusCode    the HTTP status of the failed attempt, or 0 when no answer arrived
 * @param failure       a short description of the failure, for example {@code HTTP 429} or
 *                      {@code ConnectException}; never contains the access token
 * @param delay         how long the SDK waits before the next attempt
 * @param trackingId    the {@code TrackingID} of the call, the same on every attempt
 */
public record RetryEvent(String httpMethod, String path, int failedAttempt, int statusCode, String failure,
                         Duration delay, String trackingId) {
}
