package io.github.wxcsdk.internal.call;

import io.github.wxcsdk.AttemptEvent;
import io.github.wxcsdk.CallEvent;
import io.github.wxcsdk.CallListener;
import io.github.wxcsdk.CallStart;
import io.github.wxcsdk.ThrottleEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * The {@link CallListener}s of a client, called so that none can change a call's result: each runs in turn, and an
 * exception one throws is logged (at WARN the first time that listener throws, at DEBUG after, so a listener failing
 * on every call does not flood the log) and ignored. Immutable and thread-safe; one per client.
 */
final class CallListeners {
    private static final Logger LOG = LoggerFactory.getLogger(CallListeners.class);

    private final Guarded[] listeners;

    CallListeners(List<CallListener> listeners) {
        // a loop, not a stream: a client is often built once, at start-up, where each lambda is a class to spin
        this.listeners = new Guarded[listeners.size()];
        for (int i = 0; i < this.listeners.length; i++) {
            this.listeners[i] = new Guarded(listeners.get(i));
        }
    }

    /** @return whether there is any listener: without one, the runtime builds no event at all */
    boolean any() {
        return listeners.length > 0;
    }

    void started(CallStart call) {
        each(call, CallListener::onCallStart, "onCallStart");
    }

    void attempted(AttemptEvent attempt) {
        each(attempt, CallListener::onAttempt, "onAttempt");
    }

    void ended(CallEvent event) {
        each(event, CallListener::onCallEnd, "onCallEnd");
    }

    void throttled(ThrottleEvent event) {
        each(event, CallListener::onThrottle, "onThrottle");
    }

    private <E> void each(E event, BiConsumer<CallListener, E> callback, String method) {
        for (Guarded guarded : listeners) {
            try {
                callback.accept(guarded.listener, event);
            } catch (RuntimeException e) {
                guarded.failed(method, e);
            }
        }
    }

    /** One listener and whether it has already been reported at WARN. */
    private static final class Guarded {
        final CallListener listener;
        private final AtomicBoolean warned = new AtomicBoolean();

        Guarded(CallListener listener) {
            this.listener = listener;
        }

        void failed(String method, RuntimeException e) {
            // the class of the exception only: its message could quote anything the listener saw
            if (warned.compareAndSet(false, true)) {
                LOG.warn("CallListener {} threw {} in {}; ignored (further failures of this listener are logged at"
                        + " DEBUG)", listener.getClass().getName(), e.getClass().getName(), method);
            } else {
                LOG.debug("CallListener {} threw {} in {}; ignored", listener.getClass().getName(),
                        e.getClass().getName(), method);
            }
        }
    }
}
