package io.github.wxcsdk.internal.throttle;

import java.util.Arrays;

/**
 * Counts the answers the service let through: over the last second (four 250 ms buckets) and since the start of the
 * current epoch (the time since the last decrease or the end of the last gate). Not thread-safe; the throttle guards
 * it.
 */
final class SuccessMeter {
    private static final long BUCKET_NANOS = 250_000_000L;
    private static final int BUCKETS = 4;

    private final long[] counts = new long[BUCKETS];
    private final long[] bucketIds = new long[BUCKETS];
    private long sinceEpoch;

    SuccessMeter() {
        Arrays.fill(bucketIds, Long.MIN_VALUE);
    }

    void record(long nowNanos) {
        long id = Math.floorDiv(nowNanos, BUCKET_NANOS);
        int index = Math.floorMod(id, BUCKETS);
        if (bucketIds[index] != id) {
            bucketIds[index] = id;
            counts[index] = 0;
        }
        counts[index]++;
        sinceEpoch++;
    }

    /** @return answers let through in the last second (between 0.75 s and 1 s of buckets), per second */
    double lastSecond(long nowNanos) {
        long current = Math.floorDiv(nowNanos, BUCKET_NANOS);
        long sum = 0;
        for (int i = 0; i < BUCKETS; i++) {
            if (bucketIds[i] > current - BUCKETS && bucketIds[i] <= current) {
                sum += counts[i];
            }
        }
        return sum;
    }

    long sinceEpoch() {
        return sinceEpoch;
    }

    void startEpoch() {
        sinceEpoch = 0;
    }
}
