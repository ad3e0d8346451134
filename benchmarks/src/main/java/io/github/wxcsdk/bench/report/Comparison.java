package io.github.wxcsdk.bench.report;

import java.util.List;

/**
 * One figure of the facade beside the same figure of the hand-written baseline.
 *
 * @param figure    what is measured, for example {@code p50 per call}
 * @param operation {@code getConferenceDetails()} or {@code mute(callId)}
 * @param callers   the number of caller threads
 * @param unit      the unit of {@code facade} and {@code raw}
 * @param facade    the facade's figure (the median over rounds)
 * @param raw       the baseline's figure (the median over rounds)
 * @param ratio     {@code facade / raw}
 * @param target    the target, as text
 * @param met       whether the target is met
 * @param rounds    each round's {facade, raw}, in the order they ran
 */
public record Comparison(String figure, String operation, int callers, String unit, double facade, double raw,
                         double ratio, String target, boolean met, List<double[]> rounds) {

    /** @return {@code facade - raw} */
    public double difference() {
        return facade - raw;
    }
}
