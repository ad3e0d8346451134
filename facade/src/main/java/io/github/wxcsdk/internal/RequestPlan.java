package io.github.wxcsdk.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import feign.MethodMetadata;
import feign.Request;
import feign.Types;
import io.github.wxcsdk.internal.generated.conference.model.ApiResponse;

import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How one method of the generated Feign interface becomes a request, worked out once from Feign's own reading of its
 * annotations ({@link MethodMetadata}): the URL without its query, the query parameters and headers each bound to a
 * literal or to an argument, and the JSON body. Filling it in per call is string concatenation and one Jackson write.
 * The result is the request Feign itself builds (a test sends every operation both ways and compares), with two
 * deliberate differences, where Feign changes what the caller gave: a query value that merely looks encoded
 * ({@code a%20b}) is encoded like any other, where Feign sends it as it is, and a header value is sent verbatim,
 * where Feign turns {@code %2F} into {@code /}. Thread-safe.
 */
final class RequestPlan {
    private static final String AUTHORIZATION = "Authorization";
    private static final String USER_AGENT = "User-Agent";
    private static final String CONTENT_LENGTH = "Content-Length";
    private static final List<String> USER_AGENT_VALUE = List.of(UserAgent.VALUE);
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final Request.HttpMethod httpMethod;
    private final String url;
    private final Binding[] query;
    private final Binding[] headers;
    private final int bodyIndex;
    private final ObjectMapper mapper;
    private final JavaType bodyType;
    /** Made on first use: building a serializer for every operation up front cost ~70 ms of start-up. */
    private volatile ObjectWriter bodyWriter;

    /**
     * A query parameter or header: its name and either its literal values or the index of the argument that holds
     * its one value. As in Feign, an argument that is {@code null} leaves it out, so does an empty header value, and an
     * empty query value sends the name alone.
     */
    private record Binding(String name, List<String> literal, int argument) {
        String valueOf(Object[] args) {
            return (String) args[argument];
        }
    }

    private RequestPlan(Request.HttpMethod httpMethod, String url, Binding[] query, Binding[] headers, int bodyIndex,
                        ObjectMapper mapper, JavaType bodyType) {
        this.httpMethod = httpMethod;
        this.url = url;
        this.query = query;
        this.headers = headers;
        this.bodyIndex = bodyIndex;
        this.mapper = mapper;
        this.bodyType = bodyType;
    }

    /**
     * @param metadata Feign's reading of one method
     * @param baseUrl  the API root, without a trailing slash
     * @param mapper   writes the body
     * @return the plan
     * @throws UnsupportedOperationException when the method uses a Feign feature this plan does not implement (query
     *                                       or header maps, form parameters, expanders, path variables, composite
     *                                       templates, non-{@code String} parameters, {@code ApiResponse} results);
     *                                       the message says which
     */
    static RequestPlan compile(MethodMetadata metadata, String baseUrl, ObjectMapper mapper) {
        Method method = metadata.method();
        String path = metadata.template().path();
        require(metadata.queryMapIndex() == null, method, "@QueryMap");
        require(metadata.headerMapIndex() == null, method, "@HeaderMap");
        require(metadata.urlIndex() == null, method, "a URI argument");
        require(metadata.formParams().isEmpty(), method, "form parameters");
        require(metadata.indexToExpanderClass().isEmpty() && metadata.indexToEncoded().isEmpty(), method,
                "@Param expanders or encoded=true");
        require(path.indexOf('{') < 0, method, "path variables");
        require(!ApiResponse.class.isAssignableFrom(Types.getRawType(metadata.returnType())), method,
                "an ApiResponse result");
        Map<String, Integer> arguments = argumentIndexes(metadata);
        Binding[] query = bindings(metadata.template().queries(), arguments, method);
        for (Binding binding : query) {
            require(binding.literal() == null, method, "a literal query parameter");
        }
        Binding[] headers = bindings(metadata.template().headers(), arguments, method);
        Integer bodyIndex = metadata.bodyIndex();
        Type bodyType = metadata.bodyType();
        return new RequestPlan(Request.HttpMethod.valueOf(metadata.template().method()), baseUrl + path, query,
                headers, bodyIndex == null ? -1 : bodyIndex, mapper,
                bodyIndex == null ? null : mapper.constructType(bodyType));
    }

    /**
     * @param args          the method's arguments
     * @param authorization the {@code Authorization} header value
     * @return the request, headers in Feign's case-insensitive order
     * @throws IllegalArgumentException when the body argument is {@code null}
     * @throws UncheckedIOException never in practice: writing a generated model to bytes does no I/O
     */
    Request request(Object[] args, String authorization) {
        byte[] body = body(args);
        return Request.create(httpMethod, urlWith(args), headersWith(args, authorization, body), body,
                StandardCharsets.UTF_8, null);
    }

    private String urlWith(Object[] args) {
        StringBuilder built = null;
        for (Binding binding : query) {
            String value = binding.valueOf(args);
            if (value != null) {
                built = built == null ? new StringBuilder(url).append('?') : built.append('&');
                built.append(binding.name());
                if (!value.isEmpty()) {
                    percentEncode(value, built.append('='));
                }
            }
        }
        return built == null ? url : built.toString();
    }

    /**
     * Feign's headers, {@code Content-Length} included as Feign sets it: a transport may rely on it (feign's
     * HttpURLConnection client streams the body chunked without it).
     */
    private Map<String, Collection<String>> headersWith(Object[] args, String authorization, byte[] body) {
        Map<String, Collection<String>> built = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Binding binding : headers) {
            if (binding.literal() != null) {
                built.put(binding.name(), binding.literal());
            } else {
                String value = binding.valueOf(args);
                if (value != null && !value.isEmpty()) {
                    built.put(binding.name(), List.of(value));
                }
            }
        }
        if (body != null && body.length > 0) {
            built.put(CONTENT_LENGTH, List.of(Integer.toString(body.length)));
        }
        built.put(AUTHORIZATION, List.of(authorization));
        built.put(USER_AGENT, USER_AGENT_VALUE);
        return Collections.unmodifiableMap(built);
    }

    private byte[] body(Object[] args) {
        if (bodyIndex < 0) {
            return null;
        }
        Object body = args[bodyIndex];
        if (body == null) {
            throw new IllegalArgumentException("Body parameter " + bodyIndex + " was null");
        }
        try {
            return bodyWriter().writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ObjectWriter bodyWriter() {
        ObjectWriter writer = bodyWriter;
        if (writer == null) {
            // a race only builds the same writer twice
            writer = mapper.writerFor(bodyType);
            bodyWriter = writer;
        }
        return writer;
    }

    /** RFC 3986: everything but the unreserved characters and '/' (legal in a query, and left as is by Feign). */
    private static void percentEncode(String value, StringBuilder out) {
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
                out.append(c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
    }

    private static Map<String, Integer> argumentIndexes(MethodMetadata metadata) {
        Map<String, Integer> indexes = new TreeMap<>();
        Class<?>[] types = metadata.method().getParameterTypes();
        for (Map.Entry<Integer, Collection<String>> entry : metadata.indexToName().entrySet()) {
            require(types[entry.getKey()] == String.class, metadata.method(), "a non-String @Param");
            for (String name : entry.getValue()) {
                indexes.put(name, entry.getKey());
            }
        }
        return indexes;
    }

    /** Each template is a literal or exactly one {@code {name}} of an argument. */
    private static Binding[] bindings(Map<String, Collection<String>> templates, Map<String, Integer> arguments,
                                      Method method) {
        List<Binding> bindings = new ArrayList<>(templates.size());
        for (Map.Entry<String, Collection<String>> template : templates.entrySet()) {
            Collection<String> values = template.getValue();
            if (!String.join("", values).contains("{")) {
                bindings.add(new Binding(template.getKey(), List.copyOf(values), -1));
                continue;
            }
            require(values.size() == 1, method, "several templated values for " + template.getKey());
            String value = values.iterator().next();
            require(value.startsWith("{") && value.endsWith("}") && value.indexOf('{', 1) < 0, method,
                    "a composite template " + value);
            Integer argument = arguments.get(value.substring(1, value.length() - 1));
            require(argument != null, method, "a template " + value + " without a @Param");
            bindings.add(new Binding(template.getKey(), null, argument));
        }
        return bindings.toArray(new Binding[0]);
    }

    private static void require(boolean supported, Method method, String feature) {
        if (!supported) {
            throw new UnsupportedOperationException(method.getDeclaringClass().getSimpleName() + '.'
                    + method.getName() + " uses " + feature + ", which the precompiled client does not implement");
        }
    }
}
