package io.github.wxcsdk.internal.throttle;

/**
 * One call's turn at the throttle, from {@link RequestThrottle#reserve(long)}: a place in the client's queue, whose
 * send time follows the pace as it changes. Opaque to the caller; its state is guarded by the throttle that issued
 * it. Belongs to one attempt: reserve anew for a resend.
 */
public final class Reservation {
    /** Issued while the throttle was off: send at once; it counts as sent before the throttle started. */
    static final Reservation IMMEDIATE = new Reservation(-1);

    final long ticket;
    long sentAt;
    boolean sent;
    boolean cancelled;

    Reservation(long ticket) {
        this.ticket = ticket;
    }
}
