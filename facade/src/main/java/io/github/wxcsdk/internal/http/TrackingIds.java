package io.github.wxcsdk.internal.http;

import java.util.UUID;

/** The {@code TrackingID} this SDK sends: {@code WXCJAVA_<uuid>}, new for each call, kept across its retries. */
public final class TrackingIds {
    static final String HEADER = "TrackingID";
    private static final String PREFIX = "WXCJAVA_";

    private TrackingIds() {
    }

    public static String next() {
        return PREFIX + UUID.randomUUID();
    }
}
