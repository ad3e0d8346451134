package io.github.wxcsdk.internal.throttle;

import java.time.Duration;

/**
 * The constants of the throttle's algorithm, in one place so the simulation can compare alternatives. Users never see
 * them; {@link #DEFAULT} is what the simulation chose ({@code ThrottleSimulationMain} in the façade's tests prints its
 * tables; the results and the runs against a throttling server are in {@code benchmarks/RESULTS.md}, section
 * "Throttling: one token, many threads").
 *
 * @param initialRate     the pace right after the first {@code 429}, requests per second, before anything is known
 * @param slowStartDoubling how often the pace doubles until the second {@code 429} tells the limit
 * @param gatedSlowStartDoubling the longest doubling time when the first {@code 429} closed the gate (the
 *                        doubling time is then a twelfth of its {@code Retry-After}, within this and
 *                        {@code slowStartDoubling}): the service counts a window and answers nothing until its whole
 *                        quota is used, so a fast ramp would have many requests in flight when it ends
 * @param beta            the pace after a {@code 429} as a fraction of the rate the service let through
 * @param probe           how the pace grows between {@code 429}s
 * @param cubicScale      CUBIC's C relative to the last limit, per s³: the pace is
 *                        {@code limit × (1 + C × (t − K)³)}, {@code K = ∛((1 − beta) / C)}
 * @param additiveStep    {@link Probe#ADDITIVE}: growth per second as a fraction of the last limit
 * @param minRate         the slowest pace, requests per second
 * @param gate            when a {@code 429}'s {@code Retry-After} holds back every call of the client
 * @param gateThreshold   {@link Gate#LONGER_THAN}: the shortest {@code Retry-After} that closes the gate
 */
record ThrottleTuning(double initialRate, Duration slowStartDoubling, Duration gatedSlowStartDoubling, double beta,
                      Probe probe, double cubicScale, double additiveStep, double minRate, Gate gate,
                      Duration gateThreshold) {

    static final ThrottleTuning DEFAULT = new ThrottleTuning(2.0, Duration.ofMillis(500),
            Duration.ofSeconds(5), 0.9, Probe.CUBIC, 1e-3, 0.01, 0.5, Gate.LONGER_THAN, Duration.ofSeconds(1));

    ThrottleTuning with(Gate newGate) {
        return new ThrottleTuning(initialRate, slowStartDoubling, gatedSlowStartDoubling,
                beta, probe, cubicScale, additiveStep, minRate, newGate, gateThreshold);
    }

    ThrottleTuning with(Probe newProbe) {
        return new ThrottleTuning(initialRate, slowStartDoubling, gatedSlowStartDoubling,
                beta, newProbe, cubicScale, additiveStep, minRate, gate, gateThreshold);
    }

    ThrottleTuning withBeta(double newBeta) {
        return new ThrottleTuning(initialRate, slowStartDoubling, gatedSlowStartDoubling,
                newBeta, probe, cubicScale, additiveStep, minRate, gate, gateThreshold);
    }

    ThrottleTuning withCubicScale(double newScale) {
        return new ThrottleTuning(initialRate, slowStartDoubling, gatedSlowStartDoubling,
                beta, probe, newScale, additiveStep, minRate, gate, gateThreshold);
    }

    /** How the pace grows while no {@code 429} arrives. */
    enum Probe {
        /** CUBIC (RFC 9438), as AWS SDK v2's adaptive mode: flat near the last limit, faster far from it. */
        CUBIC,
        /** Additive increase: a fixed fraction of the last limit per second. */
        ADDITIVE
    }

    /** Whether a {@code 429} holds back the other calls of the client until its {@code Retry-After} has passed. */
    enum Gate {
        /** Never: only the throttled call waits its {@code Retry-After}; the others keep the (lowered) pace. */
        NEVER,
        /** Always. */
        ALWAYS,
        /** When the {@code Retry-After} is longer than {@link #gateThreshold()}. */
        LONGER_THAN
    }
}
