package io.github.wxcsdk;

/**
 * A call that is starting, as {@link CallListener#onCallStart(CallStart)} sees it: nothing has been sent yet, no token
 * asked for, no wait begun. Valid only during that callback, on the thread that runs it.
 */
public interface CallStart extends CallInfo {

    /**
     * Keeps a value for this call, read back with {@link CallInfo#attribute(CallAttribute)} by the events of the
     * call's attempts and its end.
     *
     * @param key   the listener's key
     * @param value the value; {@code null} removes an earlier one
     * @param <T>   the value's type
     * @throws NullPointerException when {@code key} is {@code null}
     */
    <T> void setAttribute(CallAttribute<T> key, T value);
}
