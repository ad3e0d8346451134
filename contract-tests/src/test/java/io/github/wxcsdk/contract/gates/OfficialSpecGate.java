package io.github.wxcsdk.contract.gates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gate 3, the published spec: our spec against the structure of Webex's published Conference Controls. Every
 * published operation, parameter, body property, response property and enum value must be in our spec, and ours must
 * have nothing Webex does not publish, unless our spec lists the difference as deliberate
 * ({@link DeliberateDifferences}; the first entry that matches a difference explains it). An entry that explains
 * nothing is reported too, so that the list stays true.
 */
final class OfficialSpecGate {
    private OfficialSpecGate() {
    }

    /**
     * What the gate found.
     *
     * @param publishedOperations how many operations Webex publishes
     * @param ourOperations       how many operations our spec has
     * @param unexplained         differences our spec does not list as deliberate
     * @param stale               listed differences that explain no difference (or only ones an earlier entry does)
     * @param explained           for each listed difference, the differences it explains
     */
    record Report(int publishedOperations, int ourOperations, List<String> unexplained,
                  List<DeliberateDifferences.Difference> stale,
                  Map<DeliberateDifferences.Difference, List<String>> explained) {
        /** @return whether the gate passes: nothing unexplained, nothing stale */
        boolean agrees() {
            return unexplained.isEmpty() && stale.isEmpty();
        }

        /** @return the whole report, for people */
        String text() {
            StringBuilder text = new StringBuilder("Our spec against Webex's published Conference Controls: ")
                    .append(publishedOperations).append(" operations published, ").append(ourOperations)
                    .append(" in our spec.\n");
            text.append(unexplained.size()).append(" difference(s) not listed as deliberate")
                    .append(unexplained.isEmpty() ? ".\n" : " (add each to the spec, or list it with its reason in "
                            + DeliberateDifferences.EXTENSION + "):\n");
            unexplained.forEach(line -> text.append("  - ").append(line).append('\n'));
            if (!stale.isEmpty()) {
                text.append(stale.size()).append(" listed deliberate difference(s) that match nothing (remove or"
                        + " correct them):\n");
                stale.forEach(difference -> text.append("  - ").append(difference.what()).append('\n'));
            }
            int count = explained.values().stream().mapToInt(List::size).sum();
            text.append(count).append(" difference(s) explained by ").append(explained.size())
                    .append(" listed deliberate difference(s):\n");
            explained.forEach((difference, lines) -> text.append("  - ").append(difference.what()).append(" (")
                    .append(lines.size()).append("x, e.g. ").append(lines.get(0)).append(")\n      ")
                    .append(difference.reason()).append('\n'));
            return text.toString();
        }
    }

    /**
     * @param published the surface of the published Conference Controls
     * @param ours      our spec, with its list of deliberate differences
     * @return the report
     */
    static Report check(ApiSurface published, Spec ours) {
        ApiSurface own = SwaggerSurface.of(ours.api());
        List<DeliberateDifferences.Difference> declared = DeliberateDifferences.of(ours);
        List<String> unexplained = new ArrayList<>();
        Map<DeliberateDifferences.Difference, List<String>> explained = new LinkedHashMap<>();
        for (String line : SurfaceDiff.between(published, own)) {
            declared.stream().filter(difference -> difference.explains(line)).findFirst().ifPresentOrElse(
                    reason -> explained.computeIfAbsent(reason, r -> new ArrayList<>()).add(line),
                    () -> unexplained.add(line));
        }
        Map<DeliberateDifferences.Difference, List<String>> inDeclaredOrder = new LinkedHashMap<>();
        List<DeliberateDifferences.Difference> stale = new ArrayList<>();
        for (DeliberateDifferences.Difference difference : declared) {
            List<String> lines = explained.get(difference);
            if (lines == null) {
                stale.add(difference);
            } else {
                inDeclaredOrder.put(difference, List.copyOf(lines));
            }
        }
        return new Report(published.operations().size(), own.operations().size(), List.copyOf(unexplained),
                List.copyOf(stale), inDeclaredOrder);
    }
}
