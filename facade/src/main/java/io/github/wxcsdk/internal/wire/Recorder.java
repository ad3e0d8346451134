package io.github.wxcsdk.internal.wire;

import io.github.wxcsdk.internal.generated.conference.api.ConferenceControlsClient;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Records a call of the generated interface as a {@link RecordedCall}: the façade writes
 * {@code client -> client.muteConference(body, trackingId)}, checked by the compiler against the regenerated
 * interface, and nothing is sent. The call lands on the interface's generated {@code Recording} class (the project's
 * API template adds it), so no proxy class is made at run time. Each recording uses a new {@code Recording}, so
 * recordings on many threads share no state. Thread-safe.
 */
public final class Recorder {
    /** The generated methods by name: the template generates one method per operation, so names are unique. */
    private final Map<String, Method> methods = new HashMap<>();

    /** @throws IllegalStateException when the generated interface has overloads (two methods with one name) */
    public Recorder() {
        for (Method method : ConferenceControlsClient.class.getMethods()) {
            if (methods.put(method.getName(), method) != null) {
                throw new IllegalStateException("The generated interface overloads " + method.getName()
                        + ": its API template generates one method per operation");
            }
        }
    }

    /**
     * @param invocation calls one method of the interface once
     * @return that call
     * @throws IllegalStateException when {@code invocation} calls no method or more than one
     */
    public RecordedCall record(Consumer<ConferenceControlsClient> invocation) {
        ConferenceControlsClient.Recording recording = new ConferenceControlsClient.Recording();
        invocation.accept(recording);
        if (recording.method() == null) {
            throw new IllegalStateException("Nothing was called on " + ConferenceControlsClient.class.getSimpleName());
        }
        return new RecordedCall(methods.get(recording.method()), recording.arguments());
    }
}
