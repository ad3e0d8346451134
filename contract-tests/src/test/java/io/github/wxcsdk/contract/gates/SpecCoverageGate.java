package io.github.wxcsdk.contract.gates;

import au.com.dius.pact.core.model.SynchronousRequestResponse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Gate 2, coverage: the spec, the pact and the façade name the same operations. Every operation of the spec needs a
 * Pact interaction and a façade method that sends it; every interaction and every façade call must be an operation
 * of the spec. So an operation added to the spec fails the build until the façade and the contract cover it, and an
 * operation removed from it fails the build until they drop it. An operation marked as an alias of another
 * ({@link Spec#aliasOf(ApiOperation)}) is covered when that other one is: the façade sends one of two identical
 * requests, not both.
 */
final class SpecCoverageGate {
    private SpecCoverageGate() {
    }

    /**
     * @param spec   the spec
     * @param pact   the pact the consumer tests wrote
     * @param facade for each façade method, the requests one call of it sent ({@link FacadeReach#ofEveryMethod()})
     * @return one line per gap; empty when spec, pact and façade agree
     */
    static List<String> gaps(Spec spec, PactFile pact, Map<String, List<FacadeReach.Request>> facade) {
        List<String> gaps = new ArrayList<>();
        Set<ApiOperation> inPact = new HashSet<>();
        for (SynchronousRequestResponse interaction : pact.interactions()) {
            String method = interaction.getRequest().getMethod();
            String path = interaction.getRequest().getPath();
            Optional<ApiOperation> operation = spec.operationOf(method, path);
            operation.ifPresentOrElse(inPact::add, () -> gaps.add("Pact interaction '" + interaction.getDescription()
                    + "' sends " + method + " " + path + ", which is no operation of the spec"));
        }
        Set<ApiOperation> reached = new HashSet<>();
        facade.forEach((facadeMethod, requests) -> {
            if (requests.size() != 1) {
                gaps.add("façade method " + facadeMethod + " sent " + requests + " instead of one request");
            }
            for (FacadeReach.Request request : requests) {
                spec.operationOf(request.method(), request.path()).ifPresentOrElse(reached::add, () -> gaps.add(
                        "façade method " + facadeMethod + " sends " + request + ", which is no operation of the spec"));
            }
        });
        for (ApiOperation operation : spec.operations()) {
            Optional<String> aliasOf = spec.aliasOf(operation);
            Optional<ApiOperation> original = aliasOf.flatMap(spec::withOperationId);
            if (aliasOf.isPresent() && original.isEmpty()) {
                gaps.add(operation + ": " + Spec.ALIAS_OF + " names '" + aliasOf.get()
                        + "', which is no operation of the spec");
                continue;
            }
            String alias = original.map(o -> ", nor for " + o + " (of which it is an alias)").orElse("");
            if (!inPact.contains(operation) && !original.map(inPact::contains).orElse(false)) {
                gaps.add(operation + ": no Pact interaction" + alias);
            }
            if (!reached.contains(operation) && !original.map(reached::contains).orElse(false)) {
                gaps.add(operation + ": no façade method sends it" + alias);
            }
        }
        return gaps;
    }
}
