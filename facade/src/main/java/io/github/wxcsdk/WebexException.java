package io.github.wxcsdk;

import java.util.Optional;

/**
 * The base of every exception this SDK throws for a failed call: unchecked, so callers catch it where they can act.
 *
 * <p>{@link WebexApiException} means the server answered with an error; {@link WebexClientException} means no usable
 * answer arrived (connection failure, timeout, an answer that could not be read). Invalid arguments are reported
 * with the JDK's {@link IllegalArgumentException} and {@link NullPointerException} before anything is sent.
 *
 * <p>No message, field or {@code toString()} of these exceptions contains the access token.
 */
public abstract class WebexException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @serial the tracking id of the call */
    private final String trackingId;

    /**
     * Creates an exception.
     *
     * @param message    the readable description, never containing the access token
     * @param trackingId the tracking id of the call, or {@code null} when none is known
     * @param cause      the underlying cause, or {@code null}
     */
    protected WebexException(String message, String trackingId, Throwable cause) {
        super(message, cause);
        this.trackingId = trackingId;
    }

    /**
     * The tracking id to quote to Webex support: the one Webex reported, else the {@code TrackingID} this SDK sent.
     *
     * @return the tracking id, or empty when the call failed before a tracking id was assigned
     */
    public Optional<String> trackingId() {
        return Optional.ofNullable(trackingId);
    }
}
