package io.github.wxcsdk.internal.wire;

/**
 * A 2xx answer whose body could not be read into the operation's result. Internal: the executor turns it into a
 * {@link io.github.wxcsdk.WebexClientException} without retrying. The cause is the decoder's failure; it never
 * reaches users (Jackson quotes the body, which could echo the token).
 */
public final class UnreadableAnswer extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String request;

    /**
     * @param status  the answer's status
     * @param request what was sent, as {@code METHOD /path}
     * @param cause   the decoder's failure
     */
    UnreadableAnswer(int status, String request, Exception cause) {
        super("Unreadable answer " + status + " to " + request, cause, false, false);
        this.status = status;
        this.request = request;
    }

    public int status() {
        return status;
    }

    /** @return what was sent, as {@code METHOD /path} */
    public String request() {
        return request;
    }
}
