package io.github.wxcsdk.simulator;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/** The faults still to serve to one access token, oldest first. */
final class FaultQueue {
    private final Deque<Fault> faults = new ArrayDeque<>();

    synchronized void add(Fault fault) {
        faults.addLast(fault);
    }

    /** Takes one request's worth of the oldest pending fault, if any. */
    synchronized Optional<Fault> take() {
        Fault next = faults.pollFirst();
        if (next == null) {
            return Optional.empty();
        }
        next.consumeOne().ifPresent(faults::addFirst);
        return Optional.of(next);
    }

    synchronized void clear() {
        faults.clear();
    }
}
