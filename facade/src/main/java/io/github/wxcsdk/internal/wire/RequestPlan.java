package io.github.wxcsdk.internal.wire;

import io.github.wxcsdk.internal.http.UserAgent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import feign.Request;

import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How one method of the generated Feign interface becomes a request, worked out once from Feign's own reading of its
 * annotations ({@link GeneratedMethod}, read as Feign's contract reads them): the URL without its query, with its path variables each bound to an argument,
 * the query parameters and headers each bound to a literal or to an argument, and the JSON body. Filling it in per
 * call is string concatenation and one Jackson write. The result is the request Feign itself builds (a test sends
 * every operation both ways and compares), with three deliberate differences, where Feign changes what the caller
 * gave: a query value that merely looks encoded ({@code a%20b}) is encoded like any other, where Feign sends it as it
 * is; a header value is sent verbatim, where Feign turns {@code %2F} into {@code /}; and a path value is encoded as
 * one opaque segment (everything but RFC 3986's unreserved characters, {@code /} included), where Feign leaves
 * {@code /} and the sub-delimiters as they are, so an id holding {@code /} would change the path. Thread-safe.
 */
final class RequestPlan {
    private static final String AUTHORIZATION = "Authorization";
    private static final String USER_AGENT = "User-Agent";
    private static final String CONTENT_LENGTH = "Content-Length";
    private static final List<String> USER_AGENT_VALUE = List.of(UserAgent.VALUE);
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final Request.HttpMethod httpMethod;
    /** The URL up to its first path variable (all of it when there is none). */
    private final String url;
    /** The arguments of the path variables, in order, and the literal text after each. */
    private final int[] pathArguments;
    private final String[] pathLiteralsAfter;
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

    private RequestPlan(Request.HttpMethod httpMethod, String url, int[] pathArguments, String[] pathLiteralsAfter,
                        Binding[] query, Binding[] headers, int bodyIndex, ObjectMapper mapper, JavaType bodyType) {
        this.httpMethod = httpMethod;
        this.url = url;
        this.pathArguments = pathArguments;
        this.pathLiteralsAfter = pathLiteralsAfter;
        this.query = query;
        this.headers = headers;
        this.bodyIndex = bodyIndex;
        this.mapper = mapper;
        this.bodyType = bodyType;
    }

    /**
     * @param method  the reading of one generated method
     * @param baseUrl the API root, without a trailing slash
     * @param mapper  writes the body
     * @return the plan
     * @throws UnsupportedOperationException when the method uses a Feign feature this plan does not implement (query
     *                                       or header maps, form parameters, expanders, composite
     *                                       templates, non-{@code String} parameters);
     *                                       the message says which
     */
    static RequestPlan compile(GeneratedMethod method, String baseUrl, ObjectMapper mapper) {
        Method javaMethod = method.method();
        require(method.unsupported() == null, javaMethod, method.unsupported());
        Map<String, Integer> arguments = argumentIndexes(method);
        List<Integer> pathArguments = new ArrayList<>();
        List<String> literals = new ArrayList<>();
        splitPath(baseUrl + method.path(), arguments, javaMethod, pathArguments, literals);
        Binding[] query = bindings(method.queries(), arguments, javaMethod);
        for (Binding binding : query) {
            require(binding.literal() == null, javaMethod, "a literal query parameter");
        }
        Binding[] headers = bindings(method.headers(), arguments, javaMethod);
        int[] pathIndexes = new int[pathArguments.size()];
        for (int i = 0; i < pathIndexes.length; i++) {
            pathIndexes[i] = pathArguments.get(i);
        }
        return new RequestPlan(Request.HttpMethod.valueOf(method.httpMethod()), literals.get(0), pathIndexes,
                literals.subList(1, literals.size()).toArray(new String[0]), query, headers, method.bodyIndex(),
                mapper, method.bodyIndex() < 0 ? null : mapper.constructType(method.bodyType()));
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
        StringBuilder built = pathArguments.length == 0 ? null : pathWith(args);
        boolean queried = false;
        for (Binding binding : query) {
            String value = binding.valueOf(args);
            if (value != null) {
                built = built == null ? new StringBuilder(url) : built;
                built.append(queried ? '&' : '?').append(binding.name());
                queried = true;
                if (!value.isEmpty()) {
                    percentEncode(value, built.append('='), true);
                }
            }
        }
        return built == null ? url : built.toString();
    }

    /** Splits the URL template at its {@code {name}} path variables, each bound to a {@code String} argument. */
    private static void splitPath(String template, Map<String, Integer> arguments, Method method,
                                  List<Integer> pathArguments, List<String> literals) {
        int from = 0;
        for (int open = template.indexOf('{'); open >= 0; open = template.indexOf('{', from)) {
            int close = template.indexOf('}', open);
            require(close > open, method, "an unclosed path template");
            Integer argument = arguments.get(template.substring(open + 1, close));
            require(argument != null, method, "a path template " + template.substring(open, close + 1)
                    + " without a @Param");
            literals.add(template.substring(from, open));
            pathArguments.add(argument);
            from = close + 1;
        }
        literals.add(template.substring(from));
    }

    /**
     * Each path value is encoded as one RFC 3986 path segment: everything but the unreserved characters is
     * percent-encoded, {@code /} included, so that no id can change the path (Feign leaves {@code /} and the
     * sub-delimiters as they are).
     *
     * @throws IllegalArgumentException when a path value is {@code null}: a path cannot leave it out
     */
    private StringBuilder pathWith(Object[] args) {
        StringBuilder built = new StringBuilder(url.length() + 64).append(url);
        for (int i = 0; i < pathArguments.length; i++) {
            String value = (String) args[pathArguments[i]];
            if (value == null) {
                throw new IllegalArgumentException("Path parameter " + pathArguments[i] + " was null");
            }
            percentEncode(value, built, false);
            built.append(pathLiteralsAfter[i]);
        }
        return built;
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

    /**
     * RFC 3986: everything but the unreserved characters, and in a query but not in a path segment '/' (legal in a
     * query, and left as is by Feign).
     */
    private static void percentEncode(String value, StringBuilder out, boolean inQuery) {
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '/' && inQuery) {
                out.append(c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
    }

    private static Map<String, Integer> argumentIndexes(GeneratedMethod method) {
        Map<String, Integer> indexes = new TreeMap<>();
        Class<?>[] types = method.method().getParameterTypes();
        for (Map.Entry<Integer, String> entry : method.paramNames().entrySet()) {
            require(types[entry.getKey()] == String.class, method.method(), "a non-String @Param");
            indexes.put(entry.getValue(), entry.getKey());
        }
        return indexes;
    }

    /** Each template is a literal or exactly one {@code {name}} of an argument. */
    private static Binding[] bindings(Map<String, List<String>> templates, Map<String, Integer> arguments,
                                      Method method) {
        List<Binding> bindings = new ArrayList<>(templates.size());
        for (Map.Entry<String, List<String>> template : templates.entrySet()) {
            List<String> values = template.getValue();
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
