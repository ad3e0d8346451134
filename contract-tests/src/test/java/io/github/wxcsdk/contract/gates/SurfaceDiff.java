package io.github.wxcsdk.contract.gates;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Every difference between a published surface and ours, one line each, in a fixed wording that deliberate
 * differences can be matched against. Operations are matched by method and path (never by operationId), parameters
 * by name and location, body and response schemas by their position (property by property, into referenced schemas),
 * whatever they are called on either side. A line names where the difference is:
 * <ul>
 *   <li>{@code POST /telephony/conference/hold: published, missing here} (or {@code here, not published});</li>
 *   <li>{@code POST ...: operationId 'Hold' published, 'holdConference' here};</li>
 *   <li>{@code POST ...: parameter lineOwnerId (query): published, missing here}, {@code ...: required published,
 *       optional here}, {@code ...: type string published, integer here};</li>
 *   <li>{@code POST ...: success 204: published, missing here};</li>
 *   <li>{@code POST ...: request body: property callId: published, missing here} (inline schemas are named by
 *       operation, and a response by {@code response body});</li>
 *   <li>{@code schema ConferenceDetails: property appearance: type number published, integer here} and
 *       {@code schema ConferenceTypeEnum: enum value coaching: published, missing here} (a referenced schema is named
 *       as Webex names it, and reported once).</li>
 * </ul>
 */
final class SurfaceDiff {
    private static final String MISSING = "published, missing here";
    private static final String EXTRA = "here, not published";
    private static final String SCHEMA = "schema ";

    private final Set<String> lines = new LinkedHashSet<>();
    private final Set<String> comparedSchemas = new HashSet<>();

    private SurfaceDiff() {
    }

    /**
     * @param published what Webex publishes
     * @param ours      what our spec says
     * @return one line per difference: operations in order, then each referenced schema once
     */
    static List<String> between(ApiSurface published, ApiSurface ours) {
        SurfaceDiff diff = new SurfaceDiff();
        published.operations().forEach((key, operation) -> {
            ApiSurface.Operation own = ours.operations().get(key);
            if (own == null) {
                diff.lines.add(key + ": " + MISSING);
            } else {
                diff.operation(key.toString(), operation, own);
            }
        });
        ours.operations().keySet().stream().filter(key -> !published.operations().containsKey(key))
                .forEach(key -> diff.lines.add(key + ": " + EXTRA));
        List<String> lines = new ArrayList<>(diff.lines);
        lines.sort(Comparator.comparing(line -> line.startsWith(SCHEMA))); // stable: operations, then schemas
        return List.copyOf(lines);
    }

    private void operation(String at, ApiSurface.Operation published, ApiSurface.Operation ours) {
        if (!Objects.equals(published.operationId(), ours.operationId())) {
            lines.add(at + ": operationId '" + published.operationId() + "' published, '" + ours.operationId()
                    + "' here");
        }
        published.parameters().forEach((key, parameter) -> {
            ApiSurface.Parameter own = ours.parameters().get(key);
            String where = at + ": parameter " + key;
            if (own == null) {
                lines.add(where + ": " + MISSING);
                return;
            }
            if (parameter.required() != own.required()) {
                lines.add(where + ": " + requiredness(parameter.required()) + " published, "
                        + requiredness(own.required()) + " here");
            }
            if (!parameter.type().equals(own.type())) {
                lines.add(where + ": type " + parameter.type() + " published, " + own.type() + " here");
            }
        });
        ours.parameters().keySet().stream().filter(key -> !published.parameters().containsKey(key))
                .forEach(key -> lines.add(at + ": parameter " + key + ": " + EXTRA));
        published.success().stream().filter(status -> !ours.success().contains(status))
                .forEach(status -> lines.add(at + ": success " + status + ": " + MISSING));
        ours.success().stream().filter(status -> !published.success().contains(status))
                .forEach(status -> lines.add(at + ": success " + status + ": " + EXTRA));
        body(at + ": request body", published.body(), ours.body());
        body(at + ": response body", published.response(), ours.response());
    }

    private void body(String at, Shape published, Shape ours) {
        if (published == null && ours == null) {
            return;
        }
        if (published == null || ours == null) {
            lines.add(at + ": " + (published == null ? EXTRA : MISSING));
            return;
        }
        shape(at, published, ours);
    }

    private void shape(String at, Shape published, Shape ours) {
        String where = at;
        if (published.name() != null) {
            where = SCHEMA + published.name();
            if (!comparedSchemas.add(published.name() + " = " + ours.name())) {
                return;
            }
        }
        if (!published.type().equals(ours.type())) {
            lines.add(where + ": type " + published.type() + " published, " + ours.type() + " here");
            return;
        }
        for (String value : published.enumValues()) {
            if (!ours.enumValues().contains(value)) {
                lines.add(where + ": enum value " + value + ": " + MISSING);
            }
        }
        for (String value : ours.enumValues()) {
            if (!published.enumValues().contains(value)) {
                lines.add(where + ": enum value " + value + ": " + EXTRA);
            }
        }
        if (published.items() != null && ours.items() != null) {
            shape(where + " items", published.items(), ours.items());
        }
        properties(where, published, ours);
    }

    private void properties(String at, Shape published, Shape ours) {
        List<Runnable> nested = new ArrayList<>();
        for (Map.Entry<String, Shape> property : published.properties().entrySet()) {
            String where = at + ": property " + property.getKey();
            Shape own = ours.properties().get(property.getKey());
            if (own == null) {
                lines.add(where + ": " + MISSING);
                continue;
            }
            boolean required = published.required().contains(property.getKey());
            if (required != ours.required().contains(property.getKey())) {
                lines.add(where + ": " + requiredness(required) + " published, " + requiredness(!required)
                        + " here");
            }
            nested.add(() -> shape(where, property.getValue(), own));
        }
        ours.properties().keySet().stream().filter(name -> !published.properties().containsKey(name))
                .forEach(name -> lines.add(at + ": property " + name + ": " + EXTRA));
        nested.forEach(Runnable::run); // a schema's own lines first, then those of the schemas it refers to
    }

    private static String requiredness(boolean required) {
        return required ? "required" : "optional";
    }
}
