package io.github.wxcsdk.internal.json;

import java.util.function.Function;

/** Lookup of open enums: an unknown wire value maps to the enum's {@code UNKNOWN_TO_SDK_VERSION} constant. */
public final class OpenEnums {
    private OpenEnums() {
    }

    /**
     * Finds the constant whose wire value equals {@code value}.
     *
     * @param value   the wire value, or {@code null}
     * @param values  every constant of the enum
     * @param wire    the wire value of a constant ({@code null} for the unknown constant)
     * @param unknown the constant for values this SDK version does not know
     * @param <E>     the enum type
     * @return {@code null} for {@code null}, the matching constant, else {@code unknown}
     */
    public static <E extends Enum<E>> E fromValue(String value, E[] values, Function<E, String> wire, E unknown) {
        if (value == null) {
            return null;
        }
        for (E constant : values) {
            if (value.equals(wire.apply(constant))) {
                return constant;
            }
        }
        return unknown;
    }
}
