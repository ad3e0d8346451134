package io.github.wxcsdk;

import java.util.Objects;

/**
 * A key under which a {@link CallListener} keeps its own state for one call, from {@link CallListener#onCallStart}
 * to {@link CallListener#onCallEnd}: a span, a timer sample, a start time. Keys are compared by identity, so two
 * listeners never see each other's values; create each key once, as a constant.
 *
 * <pre>{@code
 * private static final CallAttribute<Long> STARTED = CallAttribute.named("my.started");
 *
 * public void onCallStart(CallStart call) { call.setAttribute(STARTED, System.nanoTime()); }
 * public void onCallEnd(CallEvent event)  { long started = event.attribute(STARTED); ... }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param <T> the type of the value kept under the key
 */
public final class CallAttribute<T> {
    private final String name;

    private CallAttribute(String name) {
        this.name = name;
    }

    /**
     * Creates a key.
     *
     * @param name a name for {@link #toString()} (debugging only: keys with the same name are still different keys)
     * @param <T>  the type of the value
     * @return a new key, equal only to itself
     * @throws NullPointerException when {@code name} is {@code null}
     */
    public static <T> CallAttribute<T> named(String name) {
        return new CallAttribute<>(Objects.requireNonNull(name, "name must not be null"));
    }

    /** @return the key's name */
    @Override
    public String toString() {
        return "CallAttribute{" + name + '}';
    }
}
