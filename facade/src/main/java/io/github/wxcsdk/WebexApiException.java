package io.github.wxcsdk;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The Webex API answered a call with an error status (anything but 2xx), after any retries this SDK made.
 *
 * <p>{@link #getMessage()} reads like {@code 404 Not Found: Conference does not exist. [errors: ...]
 * (trackingId=ROUTER_..., GET /v1/telephony/conference, attempts=1)}: the status, the Webex {@code message}, every
 * {@code errors[].description}, the tracking id, the request and the number of attempts. An error body that is not
 * JSON (a proxy's HTML page) or is empty still gives a complete exception.
 */
public class WebexApiException extends WebexException {
    private static final long serialVersionUID = 1L;

    /** @serial the HTTP status */
    private final int statusCode;
    /** @serial Webex's message, or {@code null} */
    private final String webexMessage;
    /** @serial Webex's error details, never {@code null} */
    private final List<WebexErrorDetail> errors;
    /** @serial the server's {@code Retry-After}, or {@code null} */
    private final Duration retryAfter;
    /** @serial how many attempts were made */
    private final int attempts;
    /** @serial the request's HTTP method */
    private final String httpMethod;
    /** @serial the request's path without the query */
    private final String path;

    /**
     * Creates the exception; the SDK does this, users normally only catch it.
     *
     * @param details every fact about the failed answer
     */
    public WebexApiException(Details details) {
        super(details.describe(), details.trackingId, null);
        this.statusCode = details.statusCode;
        this.webexMessage = details.webexMessage;
        this.errors = List.copyOf(details.errors);
        this.retryAfter = details.retryAfter;
        this.attempts = details.attempts;
        this.httpMethod = details.httpMethod;
        this.path = details.path;
    }

    /**
     * The HTTP status the server answered with.
     *
     * @return the status code, for example 404
     */
    public int statusCode() {
        return statusCode;
    }

    /**
     * The top-level {@code message} of the Webex error body.
     *
     * @return the message, or empty when the body had none (for instance an HTML page from a proxy)
     */
    public Optional<String> webexMessage() {
        return Optional.ofNullable(webexMessage);
    }

    /**
     * The {@code errors} array of the Webex error body.
     *
     * @return the entries, never {@code null}, empty when the body had none
     */
    public List<WebexErrorDetail> errors() {
        return errors;
    }

    /**
     * How long the server asked the caller to wait ({@code Retry-After}), when it said so: the server's value, not
     * shortened by the builder's {@code maxRetryAfter}. Set when retries ran out or when the wait would have passed
     * the call's {@code callTimeout}, in which case the SDK failed at once instead of waiting.
     *
     * @return the wait, or empty when the answer carried no usable {@code Retry-After}
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /**
     * How many HTTP requests this call sent, retries included.
     *
     * @return at least 1
     */
    public int attempts() {
        return attempts;
    }

    /**
     * The HTTP method of the failed request.
     *
     * @return for example {@code POST}
     */
    public String httpMethod() {
        return httpMethod;
    }

    /**
     * The path of the failed request, without the query.
     *
     * @return for example {@code /v1/telephony/conference/mute}
     */
    public String path() {
        return path;
    }

    /**
     * Whether the server said the caller sends too many requests (HTTP 429).
     *
     * @return {@code true} for status 429
     */
    public boolean isThrottling() {
        return statusCode == 429;
    }

    /**
     * The facts of a failed answer, gathered by the SDK to create a {@link WebexApiException}.
     *
     * @param statusCode   the HTTP status
     * @param webexMessage the Webex {@code message}, or {@code null}
     * @param bodySnippet  a short readable excerpt of a body that was not a Webex error, or {@code null}
     * @param errors       the {@code errors} entries, never {@code null}
     * @param trackingId   the tracking id, or {@code null}
     * @param retryAfter   the server's {@code Retry-After}, or {@code null}
     * @param attempts     the number of requests sent for the call
     * @param httpMethod   the request's HTTP method
     * @param path         the request's path without the query
     */
    public record Details(int statusCode, String webexMessage, String bodySnippet, List<WebexErrorDetail> errors,
                          String trackingId, Duration retryAfter, int attempts, String httpMethod, String path) {

        /**
         * Checks the facts.
         *
         * @param statusCode see the record component
         * @param webexMessage see the record component
         * @param bodySnippet see the record component
         * @param errors see the record component
         * @param trackingId see the record component
         * @param retryAfter see the record component
         * @param attempts see the record component
         * @param httpMethod see the record component
         * @param path see the record component
         * @throws NullPointerException when {@code errors}, {@code httpMethod} or {@code path} is null
         */
        public Details {
            errors = List.copyOf(errors);
            java.util.Objects.requireNonNull(httpMethod, "httpMethod");
            java.util.Objects.requireNonNull(path, "path");
        }

        private String describe() {
            StringBuilder text = new StringBuilder().append(statusCode);
            String reason = HttpStatusText.reason(statusCode);
            if (!reason.isEmpty()) {
                text.append(' ').append(reason);
            }
            if (webexMessage != null && !webexMessage.isBlank()) {
                text.append(": ").append(webexMessage.strip());
            } else if (bodySnippet != null && !bodySnippet.isBlank()) {
                text.append(": ").append(bodySnippet);
            }
            StringBuilder descriptions = new StringBuilder();
            for (WebexErrorDetail error : errors) {
                String description = error.description();
                if (description != null && !description.isBlank() && !description.strip().equals(webexMessage)) {
                    descriptions.append(descriptions.length() == 0 ? "" : "; ").append(description.strip());
                }
            }
            if (descriptions.length() > 0) {
                text.append(" [errors: ").append(descriptions).append(']');
            }
            text.append(" (trackingId=").append(trackingId)
                    .append(", ").append(httpMethod).append(' ').append(path)
                    .append(", attempts=").append(attempts);
            if (retryAfter != null) {
                text.append(", retryAfter=").append(retryAfter.toMillis()).append("ms");
            }
            return text.append(')').toString();
        }
    }
}
