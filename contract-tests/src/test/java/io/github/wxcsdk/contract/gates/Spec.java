package io.github.wxcsdk.contract.gates;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The OpenAPI spec the gates check against: by default the one packaged in the {@code wxc-sdk-conference-spec} jar,
 * the file the client is generated from.
 */
final class Spec {
    /** Where the spec jar keeps the spec. */
    static final String RESOURCE = "io/github/wxcsdk/spec/telephony-conference.yaml";
    /** The extension that marks an operation as a duplicate of another ({@link #aliasOf(ApiOperation)}). */
    static final String ALIAS_OF = "x-wxcsdk-alias-of";

    private final String text;
    private final OpenAPI api;

    private Spec(String text, OpenAPI api) {
        this.text = text;
        this.api = api;
    }

    /** @return the spec of the {@code wxc-sdk-conference-spec} jar on the test classpath */
    static Spec packaged() {
        try (InputStream in = Spec.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath: is wxc-sdk-conference-spec a"
                        + " test dependency?");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param yaml an OpenAPI 3 document
     * @return the parsed spec
     * @throws IllegalArgumentException when the document does not parse
     */
    static Spec parse(String yaml) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(yaml, null, options);
        if (result.getOpenAPI() == null) {
            throw new IllegalArgumentException("The spec does not parse: " + result.getMessages());
        }
        return new Spec(yaml, result.getOpenAPI());
    }

    /** @return the document as text */
    String text() {
        return text;
    }

    /** @return the parsed document; a test may change it, which {@link #operations()} shows and {@link #text()} not */
    OpenAPI api() {
        return api;
    }

    /** @return the path of the first server URL, for example {@code /v1}; empty for none */
    String basePath() {
        if (api.getServers() == null || api.getServers().isEmpty()) {
            return "";
        }
        String path = URI.create(api.getServers().get(0).getUrl()).getPath();
        return path == null || path.equals("/") ? "" : path.replaceAll("/$", "");
    }

    /** @return every operation of the spec, sorted */
    Set<ApiOperation> operations() {
        Set<ApiOperation> operations = new TreeSet<>();
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            for (PathItem.HttpMethod method : path.getValue().readOperationsMap().keySet()) {
                operations.add(new ApiOperation(method.name(), path.getKey()));
            }
        }
        return operations;
    }

    /**
     * The operationId of the operation this one duplicates: the spec marks an operation that sends the same request
     * as another one on a second path with {@code x-wxcsdk-alias-of: <operationId of the other>} (the ten
     * {@code members/me} duplicates of the user-level operations).
     *
     * @param operation an operation of the spec
     * @return the operationId it names; empty when it is no alias
     */
    Optional<String> aliasOf(ApiOperation operation) {
        PathItem item = api.getPaths().get(operation.path());
        Operation found = item == null ? null
                : item.readOperationsMap().get(PathItem.HttpMethod.valueOf(operation.method()));
        if (found == null) {
            throw new IllegalArgumentException(operation + " is no operation of the spec");
        }
        return Optional.ofNullable(found.getExtensions()).map(extensions -> extensions.get(ALIAS_OF))
                .map(String::valueOf);
    }

    /**
     * @param operationId an operationId
     * @return the operation of the spec with this id; empty for none
     */
    Optional<ApiOperation> withOperationId(String operationId) {
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> candidate
                    : path.getValue().readOperationsMap().entrySet()) {
                if (operationId.equals(candidate.getValue().getOperationId())) {
                    return Optional.of(new ApiOperation(candidate.getKey().name(), path.getKey()));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Finds the operation that a concrete request reaches. A path without variables wins over a template that also
     * matches ({@code /members/me/hold} is not {@code /members/{memberId}/hold}), as servers route them.
     *
     * @param method   the request's method
     * @param fullPath the request's path, with the API root
     * @return the operation, or empty when the spec has none for this method and path
     */
    Optional<ApiOperation> operationOf(String method, String fullPath) {
        String base = basePath();
        if (!fullPath.startsWith(base + "/")) {
            return Optional.empty();
        }
        String path = fullPath.substring(base.length());
        return operations().stream()
                .filter(operation -> operation.method().equalsIgnoreCase(method))
                .filter(operation -> template(operation.path()).matcher(path).matches())
                .min(Comparator.comparingLong(operation -> operation.path().chars().filter(c -> c == '{').count()));
    }

    /** {@code /a/{id}/b} becomes the pattern {@code /a/[^/]+/b}. */
    private static Pattern template(String path) {
        StringBuilder regex = new StringBuilder();
        for (String part : path.split("(?=\\{)|(?<=\\})")) {
            regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
