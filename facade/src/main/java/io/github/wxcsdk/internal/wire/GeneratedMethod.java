package io.github.wxcsdk.internal.wire;

import feign.Body;
import feign.HeaderMap;
import feign.Headers;
import feign.Param;
import feign.QueryMap;
import feign.RequestLine;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the Feign annotations of one method of the generated interface say, read the way Feign's {@code DefaultContract}
 * reads them ({@code @RequestLine}, {@code @Headers}, {@code @Param}, the one parameter without a Feign annotation as
 * the body), for the features the {@link RequestPlan} implements. Feign's own contract is not used at run time: it
 * loads about a hundred classes and registers some fifty lambdas on its first use, which cost a program about 60 ms
 * of start-up to read one method ({@code benchmarks/RESULTS.md}, cold start); reading the annotations costs a tenth of
 * that. A test compares this reading with Feign's for every generated method.
 *
 * @param method      the generated method
 * @param httpMethod  {@code GET}, {@code POST}, ...
 * @param path        the path template relative to the API root, without the query:
 *                    {@code /telephony/conference/members/{memberId}/mute}
 * @param queries     each query parameter's name and value templates, in the order of the request line
 * @param headers     each header's name and value templates, in the order of {@code @Headers}
 * @param paramNames  the {@code @Param} name of each parameter that has one, by index
 * @param bodyIndex   the index of the body parameter, -1 when there is none
 * @param bodyType    the body's type, {@code null} when there is none
 * @param returnType  the method's result type
 * @param unsupported the Feign feature the method uses that the plans do not implement, {@code null} when none
 */
record GeneratedMethod(Method method, String httpMethod, String path, Map<String, List<String>> queries,
                       Map<String, List<String>> headers, Map<Integer, String> paramNames, int bodyIndex,
                       Type bodyType, Type returnType, String unsupported) {

    /**
     * @param api    the generated interface
     * @param method one of its methods
     * @return the method's reading
     * @throws IllegalStateException when the method has no {@code @RequestLine}, as Feign does
     */
    static GeneratedMethod read(Class<?> api, Method method) {
        String unsupported = classAnnotations(api);
        RequestLine requestLine = method.getAnnotation(RequestLine.class);
        if (requestLine == null || requestLine.value().isBlank()) {
            throw new IllegalStateException("No @RequestLine on " + api.getSimpleName() + '.' + method.getName());
        }
        String line = requestLine.value();
        int space = line.indexOf(' ');
        String httpMethod = space < 0 ? line : line.substring(0, space);
        String uri = space < 0 ? "" : line.substring(space).stripLeading();
        int question = uri.indexOf('?');
        String path = question < 0 ? uri : uri.substring(0, question);
        Map<String, List<String>> queries = question < 0 ? Map.of() : queries(uri.substring(question + 1));
        Headers headerAnnotation = method.getAnnotation(Headers.class);
        Map<String, List<String>> headers = headerAnnotation == null ? Map.of() : headers(headerAnnotation.value());
        if (method.getAnnotation(Body.class) != null) {
            unsupported = first(unsupported, "@Body");
        }
        Map<Integer, String> paramNames = new TreeMap<>();
        int bodyIndex = -1;
        Annotation[][] parameterAnnotations = method.getParameterAnnotations();
        Class<?>[] parameterTypes = method.getParameterTypes();
        for (int i = 0; i < parameterAnnotations.length; i++) {
            boolean http = false;
            for (Annotation annotation : parameterAnnotations[i]) {
                if (annotation instanceof Param param) {
                    http = true;
                    paramNames.put(i, param.value());
                    if (param.expander() != Param.ToStringExpander.class) {
                        unsupported = first(unsupported, "@Param expanders");
                    }
                    if (!templated(param.value(), path, queries, headers)) {
                        unsupported = first(unsupported, "form parameters");
                    }
                } else if (annotation instanceof QueryMap) {
                    http = true;
                    unsupported = first(unsupported, "@QueryMap");
                } else if (annotation instanceof HeaderMap) {
                    http = true;
                    unsupported = first(unsupported, "@HeaderMap");
                }
            }
            if (parameterTypes[i] == URI.class) {
                unsupported = first(unsupported, "a URI argument");
            } else if (!http) {
                if (bodyIndex >= 0) {
                    throw new IllegalStateException("Method has too many Body parameters: " + method);
                }
                bodyIndex = i;
            }
        }
        return new GeneratedMethod(method, httpMethod, path, queries, headers,
                Collections.unmodifiableMap(paramNames), bodyIndex,
                bodyIndex < 0 ? null : method.getGenericParameterTypes()[bodyIndex], method.getGenericReturnType(),
                unsupported);
    }

    /** Feign also reads {@code @Headers} on the interface (and its one parent); the generated ones have none. */
    private static String classAnnotations(Class<?> api) {
        boolean annotated = api.getAnnotation(Headers.class) != null
                || api.getInterfaces().length == 1 && api.getInterfaces()[0].getAnnotation(Headers.class) != null;
        return annotated ? "@Headers on the interface" : null;
    }

    /** {@code a={a}&b={b}}: each name with its value templates, as Feign splits a request line's query. */
    private static Map<String, List<String>> queries(String query) {
        Map<String, List<String>> queries = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            add(queries, name, value);
        }
        return immutable(queries);
    }

    /** {@code Name: value}: the name before the first colon, the trimmed rest as one value, as Feign reads it. */
    private static Map<String, List<String>> headers(String[] lines) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new IllegalStateException("A @Headers entry without a colon: " + line);
            }
            add(headers, line.substring(0, colon), line.substring(colon + 1).trim());
        }
        return immutable(headers);
    }

    // plain code, no lambdas: this runs on a program's first call, where each lambda is a class to spin
    private static void add(Map<String, List<String>> templates, String name, String value) {
        List<String> values = templates.get(name);
        if (values == null) {
            values = new ArrayList<>(1);
            templates.put(name, values);
        }
        values.add(value);
    }

    private static Map<String, List<String>> immutable(Map<String, List<String>> map) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> entry : map.entrySet()) {
            copy.put(entry.getKey(), List.copyOf(entry.getValue()));
        }
        return Collections.unmodifiableMap(copy);
    }

    /** Whether {@code {name}} appears in the path, a query value or a header value (Feign's request variables). */
    private static boolean templated(String name, String path, Map<String, List<String>> queries,
                                     Map<String, List<String>> headers) {
        String variable = '{' + name + '}';
        return path.contains(variable) || mentions(queries, variable) || mentions(headers, variable);
    }

    private static boolean mentions(Map<String, List<String>> templates, String variable) {
        for (List<String> values : templates.values()) {
            for (String value : values) {
                if (value.contains(variable)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String first(String found, String feature) {
        return found != null ? found : feature;
    }
}
