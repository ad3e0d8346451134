package io.github.wxcsdk.internal.throttle;

import java.time.Duration;
import java.util.TreeSet;

/**
 * The throttle of one client, shared by all its calls: admits them one at a time, in the order they ask, at a pace
 * learned from the service's {@code 429}s (the idea of AWS SDK v2's adaptive retry mode, with its CUBIC growth).
 *
 * <ul>
 *   <li>Off until the first {@code 429} (then {@link #reserve(long)} costs one volatile read), unless a fixed pace is
 *       set, which paces from the start.</li>
 *   <li>After the first {@code 429} the pace starts low (2/s) and doubles every 500 ms (after a gate: every twelfth
 *       of its {@code Retry-After}, at most 5 s, so a window's quota is found within about one window) until the
 *       next {@code 429}. After each later {@code 429} (one per second at most: the service needs a moment to
 *       notice a lower pace) it drops to 90 % of the rate the service let through since the previous one, then
 *       grows along a CUBIC curve (below that rate for ~5 s, then faster and faster above it), never beyond twice
 *       what the callers sent in the last second.</li>
 *   <li>Each reservation takes the next free slot, {@code 1 / pace} after the previous one, so waiting calls leave
 *       one at a time and never as a burst.</li>
 *   <li>A {@code 429} with a {@code Retry-After} longer than one second closes a gate until the whole
 *       {@code Retry-After} has passed: the service said it admits nothing before then, as a fixed window does, and a
 *       call sent earlier would only earn another 429. {@link #closedGate(long)} says which call closed it; the caller
 *       decides whether a call waits for it (see {@code CallRuntime}: at most {@code maxRetryAfter}, never past its
 *       deadline). One second, the smallest value the header can say, closes no gate: a token bucket says it although
 *       it frees a token much sooner, and the lowered pace is enough there.</li>
 * </ul>
 *
 * <p>Pure and non-blocking: the caller passes the time ({@code System.nanoTime()} or a test clock) and does the
 * waiting, by sleeping or by scheduling. The sequence for one attempt:
 * <pre>
 * Reservation turn = throttle.reserve(now());
 * for (long wait; (wait = throttle.delayNanos(turn, now())) &gt; 0; ) {
 *     if (wait would pass the deadline) { throttle.cancel(turn); fail; }
 *     throttle.reportWait(wait, trackingId, method, path);   // once per call is enough
 *     sleep or schedule min(wait, MAX_WAIT_NANOS), then loop
 * }
 * send; then throttle.onSuccess(turn, now()) for any answer but 429 (a failure without answer: neither),
 * or long own = throttle.onThrottled(turn, now(), retryAfter) and reserve anew no sooner than own nanos later.
 * </pre>
 * Thread-safe.
 */
public final class RequestThrottle {
    /**
     * The longest a caller should wait before asking {@link #delayNanos(Reservation, long)} again: the pace may rise
     * meanwhile (it grows with every success), and the turn then comes sooner.
     */
    public static final long MAX_WAIT_NANOS = 250_000_000L;

    private static final double NANOS_PER_SECOND = 1e9;
    private static final long SETTLE_NANOS = 1_000_000_000L;
    private static final int GATED_DOUBLINGS_PER_RETRY_AFTER = 12;
    private static final double REPORT_STEP = 1.1;

    private final ThrottleTuning tuning;
    private final double fixedRate;
    private final ThrottleReporter reporter;
    private final SuccessMeter meter = new SuccessMeter();
    private final double cubicK;

    private volatile boolean active;
    /** Told what a 429 taught this throttle, for replicas that share it; set once, before the first call. */
    private volatile Learning learning;

    // all below guarded by this
    private final TreeSet<Long> skipped = new TreeSet<>();
    private long nextTicket;
    private long anchorTicket;
    private long anchorTime = Long.MIN_VALUE / 2;
    private long intervalNanos;
    private long gateUntil = Long.MIN_VALUE;
    /** The 429 that closed the gate last, or {@code null}. */
    private Gate gate;
    private boolean adaptive;
    private boolean slowStart;
    private Duration slowStartDoubling;
    private double adaptiveRate = Double.POSITIVE_INFINITY;
    private double limit;
    private long epochStart;
    private long lastDecrease = Long.MIN_VALUE / 2;
    private double reportedRate;

    /**
     * @param maxRequestsPerSecond a fixed pace the client never exceeds, paced from the first call; 0 for none (the
     *                             throttle then starts with the first {@code 429})
     * @param adaptive             whether {@code 429}s start and steer the pace; {@code false} leaves every call to
     *                             handle its {@code 429} alone (only its own {@code Retry-After}, as before the
     *                             throttle), with only the fixed pace, if any
     * @param reporter             receives the waits and the changes of pace
     * @throws IllegalArgumentException when {@code maxRequestsPerSecond} is negative, infinite or NaN
     * @throws NullPointerException     when {@code reporter} is {@code null}
     */
    public RequestThrottle(double maxRequestsPerSecond, boolean adaptive, ThrottleReporter reporter) {
        this(maxRequestsPerSecond, reporter, adaptive ? ThrottleTuning.DEFAULT : null);
    }

    /** An adaptive throttle with the given fixed pace (0 for none). */
    RequestThrottle(double maxRequestsPerSecond, ThrottleReporter reporter) {
        this(maxRequestsPerSecond, reporter, ThrottleTuning.DEFAULT);
    }

    /** @param tuning the algorithm's constants, {@code null} for no adaptation */
    RequestThrottle(double maxRequestsPerSecond, ThrottleReporter reporter, ThrottleTuning tuning) {
        if (!(maxRequestsPerSecond >= 0) || Double.isInfinite(maxRequestsPerSecond)) {
            throw new IllegalArgumentException("maxRequestsPerSecond must be zero or positive and finite: "
                    + maxRequestsPerSecond);
        }
        if (reporter == null) {
            throw new NullPointerException("reporter");
        }
        this.fixedRate = maxRequestsPerSecond;
        this.reporter = reporter;
        this.tuning = tuning;
        this.cubicK = tuning == null ? 0 : Math.cbrt((1 - tuning.beta()) / tuning.cubicScale());
        if (fixedRate > 0) {
            active = true;
            intervalNanos = interval(fixedRate);
            reportedRate = fixedRate;
        }
    }

    /**
     * Takes the next turn. Never blocks.
     *
     * @param nowNanos the current time, as {@link System#nanoTime()} gives it
     * @return the turn; ask {@link #delayNanos(Reservation, long)} how long to wait before sending
     */
    public Reservation reserve(long nowNanos) {
        if (!active) {
            return Reservation.IMMEDIATE;
        }
        synchronized (this) {
            long ticket = nextTicket++;
            if (slot(ticket) < nowNanos) {
                // idle: nobody is waiting, the queue restarts now
                anchorTicket = ticket;
                anchorTime = Math.max(nowNanos, gateUntil);
                skipped.clear();
            }
            return new Reservation(ticket);
        }
    }

    /**
     * How long the call must still wait before sending. Call it again after waiting: a {@code 429} of another call
     * may have closed the gate meanwhile, and the turn then moves behind it. Returns 0 once, and from then on the
     * turn counts as sent at {@code nowNanos}: send at once.
     *
     * @param turn     from {@link #reserve(long)}
     * @param nowNanos the current time
     * @return nanoseconds to wait, or 0 to send now
     * @throws IllegalStateException when the turn was cancelled
     */
    public long delayNanos(Reservation turn, long nowNanos) {
        if (turn == Reservation.IMMEDIATE) {
            return 0;
        }
        synchronized (this) {
            if (turn.cancelled) {
                throw new IllegalStateException("the turn was cancelled");
            }
            if (turn.sent) {
                return 0;
            }
            long delay = Math.max(slot(turn.ticket), gateUntil) - nowNanos;
            if (delay > 0) {
                return delay;
            }
            turn.sent = true;
            turn.sentAt = nowNanos;
            return 0;
        }
    }

    /**
     * Gives back a turn the call will not use (its deadline would pass first, or it was interrupted), so the next
     * caller can have the slot. Does nothing for a turn already sent or cancelled.
     *
     * @param turn from {@link #reserve(long)}; {@code null} is ignored
     */
    public void cancel(Reservation turn) {
        if (turn == null || turn == Reservation.IMMEDIATE) {
            return;
        }
        synchronized (this) {
            if (turn.sent || turn.cancelled) {
                return;
            }
            turn.cancelled = true;
            if (turn.ticket >= anchorTicket) {
                skipped.add(turn.ticket);
            }
            while (nextTicket > anchorTicket && skipped.remove(nextTicket - 1)) {
                nextTicket--;
            }
        }
    }

    /**
     * Reports an answer other than {@code 429} (any status: the service let the request through). Costs one volatile
     * read while the throttle is off.
     *
     * @param turn     the turn the request was sent with (unused today; {@code null} is fine)
     * @param nowNanos the current time
     */
    public void onSuccess(Reservation turn, long nowNanos) {
        if (!active) {
            return;
        }
        double report = Double.NaN;
        synchronized (this) {
            meter.record(nowNanos);
            if (adaptive) {
                grow(nowNanos);
                double rate = rate();
                if (rate >= reportedRate * REPORT_STEP || rate <= reportedRate / REPORT_STEP) {
                    reportedRate = rate;
                    report = rate;
                }
            }
        }
        if (!Double.isNaN(report)) {
            reporter.rateChanged(report, "probing upward", null);
        }
    }

    /**
     * Reports a {@code 429}: starts the throttle, lowers the pace (once per congestion: a {@code 429} of a request
     * sent before the last decrease lowers nothing), and closes the gate when the {@code Retry-After} is longer than
     * one second.
     *
     * @param turn       the turn the request was sent with ({@code null} counts as sent before the throttle started)
     * @param nowNanos   the current time
     * @param retryAfter the answer's {@code Retry-After}, or {@code null} when it had none usable
     * @return the nanoseconds this call must wait before it reserves its next turn: its own {@code Retry-After}, or
     *         0 without one (the lowered pace then spreads the resends)
     */
    public long onThrottled(Reservation turn, long nowNanos, Duration retryAfter) {
        return onThrottled(turn, nowNanos, retryAfter, null, null);
    }

    /**
     * {@link #onThrottled(Reservation, long, Duration)}, naming the call that was answered {@code 429}, for the gate's
     * events and log lines and for the calls it holds.
     *
     * @param operation  the call's method, path and query, for example
     *                   {@code POST /v1/telephony/conference/members/m1/mute?orgId=o1}, or {@code null}
     * @param trackingId the {@code TrackingID} of the request answered {@code 429}, or {@code null}
     * @return as {@link #onThrottled(Reservation, long, Duration)}
     */
    public long onThrottled(Reservation turn, long nowNanos, Duration retryAfter, String operation,
                            String trackingId) {
        long own = retryAfter == null || retryAfter.isNegative() ? 0 : saturatedNanos(retryAfter);
        if (tuning == null) {
            return own;
        }
        String reason;
        double report;
        boolean probing;
        long gateEnd;
        Reservation sent = turn == null ? Reservation.IMMEDIATE : turn;
        synchronized (this) {
            // one decrease per congestion: the service needs a moment to notice the lower pace
            boolean echo = sent == Reservation.IMMEDIATE ? active : sent.sentAt < lastDecrease + SETTLE_NANOS;
            active = true;
            boolean gated = closesGate(retryAfter) && gateUntil <= nowNanos;
            boolean gateMoved = closesGate(retryAfter) && nowNanos + own > gateUntil;
            if (gateMoved) {
                gateUntil = nowNanos + own;
                gate = new Gate(gateUntil, retryAfter, operation, trackingId);
            }
            if (!adaptive) {
                adaptive = true;
                slowStart = true;
                slowStartDoubling = gated ? gatedDoubling(retryAfter) : tuning.slowStartDoubling();
                limit = fixedRate > 0 ? Math.min(fixedRate, tuning.initialRate()) : tuning.initialRate();
                adaptiveRate = limit;
                startEpoch(nowNanos);
                reason = "first 429: pacing starts";
            } else if (!echo) {
                decrease(nowNanos, gated);
                reason = "429 received";
            } else if (gated) {
                reason = "429 received";
            } else {
                if (gateMoved) {
                    repace(nowNanos, intervalNanos);
                }
                return own;
            }
            if (operation != null) {
                reason += " by " + operation + (trackingId == null ? "" : " (trackingId=" + trackingId + ")");
            }
            if (gated) {
                reason += "; the gate holds the client's calls for " + retryAfter.toMillis() + " ms (Retry-After)";
            }
            repace(nowNanos, interval(rate()));
            reportedRate = rate();
            report = reportedRate;
            probing = slowStart;
            gateEnd = gateUntil;
        }
        reporter.rateChanged(report, reason, operation);
        Learning told = learning;
        if (told != null) {
            told.learned(report, probing, gateEnd, nowNanos);
        }
        return own;
    }

    /**
     * What a throttle learned from a {@code 429}: the new pace, whether it is still doubling, and the gate's end.
     * Called outside the throttle's lock.
     */
    public interface Learning {
        /**
         * @param requestsPerSecond the throttle's new pace
         * @param probing           whether the pace still doubles (no limit known yet)
         * @param gateUntilNanos    when the gate opens (in the past when it is open)
         * @param nowNanos          the current time
         */
        void learned(double requestsPerSecond, boolean probing, long gateUntilNanos, long nowNanos);
    }

    /**
     * Sets who learns what this throttle's {@code 429}s teach (once, before the first call).
     *
     * @param learning the receiver
     */
    public void learnedBy(Learning learning) {
        this.learning = learning;
    }

    /**
     * Takes over a pace learned elsewhere (another replica's throttle): starts pacing when it had not, paces at
     * {@code requestsPerSecond} from now on, starts a new epoch (so {@code 429}s of requests sent before count as
     * echoes) and closes the gate until {@code gateUntilNanos}. Does nothing without adaptation.
     *
     * @param nowNanos          the current time
     * @param requestsPerSecond this throttle's share of the pace, positive
     * @param probing           whether the pace still doubles
     * @param gateUntilNanos    when the gate opens; in the past for no gate
     */
    public void adopt(long nowNanos, double requestsPerSecond, boolean probing, long gateUntilNanos) {
        if (tuning == null || !(requestsPerSecond > 0)) {
            return;
        }
        double report;
        synchronized (this) {
            active = true;
            adaptive = true;
            if (gateUntilNanos > gateUntil) {
                gateUntil = gateUntilNanos;
                if (gateUntilNanos > nowNanos) {
                    // so that a call which cannot wait for it fails as throttled, as with a 429 of this client
                    gate = Gate.ofReplica(gateUntilNanos, Duration.ofNanos(gateUntilNanos - nowNanos));
                }
            }
            double share = Math.max(tuning.minRate(), requestsPerSecond);
            slowStart = probing;
            slowStartDoubling = tuning.slowStartDoubling();
            // after a decrease the pace is beta x the limit, and CUBIC grows back to the limit: the same curve
            limit = probing ? share : share / tuning.beta();
            adaptiveRate = share;
            startEpoch(nowNanos);
            repace(nowNanos, interval(rate()));
            reportedRate = rate();
            report = reportedRate;
        }
        reporter.rateChanged(report, "pace shared by another replica", null);
    }

    /**
     * Scales the learned pace, when the number of replicas sharing it changed. Does nothing before the first
     * {@code 429} or without adaptation.
     *
     * @param nowNanos the current time
     * @param factor   the old number of replicas over the new one, positive
     */
    public void rescale(long nowNanos, double factor) {
        if (tuning == null || !active || !(factor > 0) || factor == 1) {
            return;
        }
        double report;
        synchronized (this) {
            if (!adaptive) {
                return;
            }
            adaptiveRate = Math.max(tuning.minRate(), adaptiveRate * factor);
            limit = Math.max(tuning.minRate(), limit * factor);
            repace(nowNanos, interval(rate()));
            reportedRate = rate();
            report = reportedRate;
        }
        reporter.rateChanged(report, "replicas sharing the pace changed", null);
    }

    /**
     * The gate, while it is closed.
     *
     * @param nowNanos the current time
     * @return the {@code 429} that closed the gate and when it opens, or {@code null} when it is open
     */
    public Gate closedGate(long nowNanos) {
        if (!active) {
            return null;
        }
        synchronized (this) {
            return gate != null && gateUntil > nowNanos ? gate : null;
        }
    }

    /**
     * Reports, once per gate, at INFO, that the gate holds calls: it is the first time a call waits for it, or fails
     * because it cannot wait that long.
     *
     * @param gate      from {@link #closedGate(long)}
     * @param waitNanos how long the call would wait
     * @param operation the held call's method, path and query
     */
    public void reportHeld(Gate gate, long waitNanos, String operation) {
        if (gate.firstHold()) {
            reporter.held(gate, waitNanos, operation);
        }
    }

    /**
     * Reports that a call waits for its turn, to the listener and the DEBUG log.
     *
     * @param waitNanos  from {@link #delayNanos(Reservation, long)}
     * @param trackingId the call's {@code TrackingID}
     * @param httpMethod the call's HTTP method
     * @param path       the call's path without the query
     */
    public void reportWait(long waitNanos, String trackingId, String httpMethod, String path) {
        reportWait(waitNanos, trackingId, httpMethod, path, null);
    }

    /**
     * {@link #reportWait(long, String, String, String)}, saying which gate, if any, the call waits for.
     *
     * @param gate the closed gate the call waits behind, or {@code null} when it waits for its pace only
     */
    public void reportWait(long waitNanos, String trackingId, String httpMethod, String path, Gate gate) {
        reporter.waiting(waitNanos, requestsPerSecond(), trackingId, httpMethod, path, gate);
    }

    /** @return the current pace in requests per second; infinite while the throttle is off */
    public double requestsPerSecond() {
        if (!active) {
            return Double.POSITIVE_INFINITY;
        }
        synchronized (this) {
            return rate();
        }
    }

    /** @return when the ticket may be sent: {@code 1 / pace} after the previous ticket not given back */
    private long slot(long ticket) {
        long position = ticket - anchorTicket - (ticket > anchorTicket ? skipped.headSet(ticket).size() : 0);
        return anchorTime + position * intervalNanos;
    }

    /**
     * Applies a new interval (or a gate) to the tickets not yet due; those due keep their time. The first of them
     * comes one new interval after the last due one, and not before the gate opens.
     */
    private void repace(long nowNanos, long newInterval) {
        long first = anchorTicket;
        if (nowNanos > anchorTime && intervalNanos > 0) {
            first += (nowNanos - anchorTime + intervalNanos - 1) / intervalNanos;
            for (long s : skipped) {
                if (s > first) {
                    break;
                }
                first++;
            }
        }
        first = Math.min(first, nextTicket);
        long previous = slot(first) - intervalNanos;
        skipped.headSet(first).clear();
        anchorTicket = first;
        anchorTime = Math.max(Math.max(nowNanos, gateUntil), previous + newInterval);
        intervalNanos = newInterval;
    }

    /**
     * After a gate the service counts a window that the gate's end starts; the ramp should find its quota within
     * about one window, whose length the {@code Retry-After} hints at (at least that long).
     */
    private Duration gatedDoubling(Duration retryAfter) {
        Duration doubling = retryAfter.dividedBy(GATED_DOUBLINGS_PER_RETRY_AFTER);
        if (doubling.compareTo(tuning.slowStartDoubling()) < 0) {
            return tuning.slowStartDoubling();
        }
        return doubling.compareTo(tuning.gatedSlowStartDoubling()) > 0 ? tuning.gatedSlowStartDoubling() : doubling;
    }

    private boolean closesGate(Duration retryAfter) {
        if (retryAfter == null) {
            return false;
        }
        return switch (tuning.gate()) {
            case NEVER -> false;
            case ALWAYS -> !retryAfter.isZero() && !retryAfter.isNegative();
            case LONGER_THAN -> retryAfter.compareTo(tuning.gateThreshold()) > 0;
        };
    }

    private void grow(long nowNanos) {
        double t = (nowNanos - epochStart) / NANOS_PER_SECOND;
        if (t <= 0) {
            return;
        }
        double target;
        if (slowStart) {
            target = limit * Math.pow(2, t * NANOS_PER_SECOND / slowStartDoubling.toNanos());
        } else {
            target = switch (tuning.probe()) {
                case CUBIC -> limit * (1 + tuning.cubicScale() * Math.pow(t - cubicK, 3));
                case ADDITIVE -> limit * (tuning.beta() + tuning.additiveStep() * t);
            };
        }
        // never run far ahead of what the callers use: the pace must still bind when more of them come
        target = Math.min(target, Math.max(limit, 2 * meter.lastSecond(nowNanos)));
        adaptiveRate = Math.max(tuning.minRate(), Math.max(adaptiveRate, target));
        repace(nowNanos, interval(rate()));
    }

    /**
     * The rate the service let through: over the epoch since the last decrease (or gate) and, when this 429 closes a
     * gate, up to the gate's end, so a fixed window is measured over its whole length; in slow start without a gate,
     * over the last second, as the epoch's average then lags far behind the doubling pace.
     */
    private void decrease(long nowNanos, boolean gated) {
        long end = Math.max(nowNanos, gateUntil);
        double observed;
        if (slowStart && !gated) {
            observed = meter.lastSecond(nowNanos);
        } else {
            observed = meter.sinceEpoch() / Math.max(1.0, (end - epochStart) / NANOS_PER_SECOND);
        }
        if (observed <= 0) {
            observed = rate() / 2;
        }
        limit = Math.max(tuning.minRate(), Math.min(rate(), observed));
        adaptiveRate = Math.max(tuning.minRate(), tuning.beta() * limit);
        slowStart = false;
        startEpoch(nowNanos);
    }

    private void startEpoch(long nowNanos) {
        lastDecrease = nowNanos;
        epochStart = Math.max(nowNanos, gateUntil);
        meter.startEpoch();
    }

    private double rate() {
        return fixedRate > 0 ? Math.min(fixedRate, adaptiveRate) : adaptiveRate;
    }

    private static long interval(double requestsPerSecond) {
        return Math.max(1, Math.round(NANOS_PER_SECOND / requestsPerSecond));
    }

    private static long saturatedNanos(Duration duration) {
        try {
            return duration.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE / 4;
        }
    }
}
