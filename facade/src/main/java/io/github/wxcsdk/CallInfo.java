package io.github.wxcsdk;

/**
 * What every {@link CallListener} callback is told about the call: the operation, where it goes, its
 * {@code TrackingID}, and the listener's own per-call state ({@link #attribute(CallAttribute)}). Nothing here carries
 * an id of a person, a call or a member, nor the access token: {@link #urlTemplate()} is the spec's template, never the
 * concrete path.
 */
public interface CallInfo {

    /**
     * The operation, as the spec names it.
     *
     * @return the spec's {@code operationId}, for example {@code muteConference} or {@code muteByMemberId}
     */
    String operationId();

    /**
     * The HTTP method.
     *
     * @return for example {@code POST}
     */
    String httpMethod();

    /**
     * The path template of the operation, relative to the API root, as the spec writes it.
     *
     * @return for example {@code /telephony/conference/members/{memberId}/mute}; never a concrete id
     */
    String urlTemplate();

    /**
     * The host the client sends to, from its base URL.
     *
     * @return for example {@code webexapis.com}
     */
    String serverAddress();

    /**
     * The port the client sends to, from its base URL (443 for {@code https} when the URL names none).
     *
     * @return the port
     */
    int serverPort();

    /**
     * The {@code TrackingID} the SDK sends with every attempt of the call; Webex logs the call under it, so it is
     * what to quote to Webex support, for a call that succeeded too.
     *
     * @return the tracking id, never {@code null}
     */
    String trackingId();

    /**
     * A value a listener kept for this call with {@link CallStart#setAttribute(CallAttribute, Object)}.
     *
     * @param key the listener's key
     * @param <T> the value's type
     * @return the value, or {@code null} when none was set
     * @throws NullPointerException when {@code key} is {@code null}
     */
    <T> T attribute(CallAttribute<T> key);
}
