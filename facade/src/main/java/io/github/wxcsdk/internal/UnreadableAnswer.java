package io.github.wxcsdk.internal;

/**
 * A 2xx answer whose body could not be read into the operation's result. Internal: the executor turns it into a
 * {@link io.github.wxcsdk.WebexClientException} without retrying. The cause is the decoder's failure; it never
 * reaches users (Jackson quotes the body, which could echo the token).
 */
final class UnreadableAnswer extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String httpMethod;
    private final String path;

    UnreadableAnswer(int status, String httpMethod, String path, Exception cause) {
        super("Unreadable answer " + status + " to " + httpMethod + " " + path, cause, false, false);
        this.status = status;
        this.httpMethod = httpMethod;
        this.path = path;
    }

    int status() {
        return status;
    }

    String httpMethod() {
        return httpMethod;
    }

    String path() {
        return path;
    }
}
