package io.github.wxcsdk.contract.gates;

import java.util.Locale;
import java.util.Objects;

/**
 * One operation of the API: an HTTP method and a path below the API root, as the spec names it (a template such as
 * {@code /telephony/conference/members/{memberId}/hold} where it has parameters).
 *
 * @param method the HTTP method in upper case, for example {@code POST}
 * @param path   the path below the API root, for example {@code /telephony/conference/mute}
 */
record ApiOperation(String method, String path) implements Comparable<ApiOperation> {
    ApiOperation {
        method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
        Objects.requireNonNull(path, "path");
    }

    @Override
    public int compareTo(ApiOperation other) {
        int byPath = path.compareTo(other.path);
        return byPath != 0 ? byPath : method.compareTo(other.method);
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
