package io.github.wxcsdk.contract.gates;

import java.util.Collections;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What an API looks like on the wire, operation by operation: the part of a spec the official-spec gate compares.
 *
 * @param operations the operations by method and path
 */
record ApiSurface(SortedMap<ApiOperation, Operation> operations) {
    ApiSurface {
        operations = Collections.unmodifiableSortedMap(new TreeMap<>(operations));
    }

    /**
     * One operation.
     *
     * @param operationId its operationId
     * @param parameters  its parameters by {@link Parameter#key()}
     * @param body        the shape of its JSON request body; null for none
     * @param success     its 2xx status codes
     * @param response    the shape of its JSON success body; null for none
     */
    record Operation(String operationId, SortedMap<String, Parameter> parameters, Shape body,
                     SortedSet<String> success, Shape response) {
        Operation {
            parameters = Collections.unmodifiableSortedMap(new TreeMap<>(parameters));
            success = Collections.unmodifiableSortedSet(new TreeSet<>(success));
        }
    }

    /**
     * One parameter.
     *
     * @param name     its name
     * @param in       {@code path}, {@code query} or {@code header}
     * @param required whether it is required
     * @param type     the JSON type of its value
     */
    record Parameter(String name, String in, boolean required, String type) {
        /** @return how a parameter is named in a report, for example {@code orgId (query)} */
        String key() {
            return name + " (" + in + ")";
        }
    }

    /** @return the parameters keyed by {@link Parameter#key()} */
    static SortedMap<String, Parameter> byKey(Iterable<Parameter> parameters) {
        SortedMap<String, Parameter> keyed = new TreeMap<>();
        for (Parameter parameter : parameters) {
            keyed.put(parameter.key(), parameter);
        }
        return keyed;
    }
}
