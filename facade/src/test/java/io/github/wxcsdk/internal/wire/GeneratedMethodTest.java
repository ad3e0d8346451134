package io.github.wxcsdk.internal.wire;

import feign.DefaultContract;
import feign.HeaderMap;
import feign.Headers;
import feign.MethodMetadata;
import feign.Param;
import feign.QueryMap;
import feign.RequestLine;
import io.github.wxcsdk.internal.generated.conference.api.ConferenceControlsClient;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link GeneratedMethod} reads every method of the generated interface as Feign's own {@link DefaultContract} does:
 * method, path, query and header templates, parameter names, body and result; and it names the feature of each
 * method the plans do not implement exactly where Feign's reading has one.
 */
class GeneratedMethodTest {
    /** Feign's contract, one method at a time (its public entry point reads every method of the interface). */
    private static final class FeignReading extends DefaultContract {
        MethodMetadata read(Method method) {
            return parseAndValidateMetadata(method.getDeclaringClass(), method);
        }
    }

    /** Feign features the generated interface does not use today, each of which the plans refuse by name. */
    interface Unusual {
        @RequestLine("GET /things")
        String queryMap(@QueryMap Map<String, Object> query);

        @RequestLine("GET /things")
        String headerMap(@HeaderMap Map<String, Object> headers);

        @RequestLine("POST /things")
        String form(@Param("name") String name);

        @RequestLine("GET /things/{id}")
        String expander(@Param(value = "id", expander = Param.ToStringExpander.class) String id,
                        @Param(value = "other", expander = Upper.class) String other);

        @RequestLine("GET /things")
        String uri(URI target);

        @RequestLine("GET /things?flag=yes")
        @Headers({"Accept: application/json", "Accept: text/plain", "X-Id: {id}"})
        String literals(@Param("id") String id);
    }

    /** An expander other than Feign's default. */
    static final class Upper implements Param.Expander {
        @Override
        public String expand(Object value) {
            return value.toString().toUpperCase(java.util.Locale.ROOT);
        }
    }

    @Test
    void everyGeneratedMethodIsReadAsFeignReadsIt() {
        Method[] methods = ConferenceControlsClient.class.getMethods();
        assertEquals(36, methods.length, "one method per operation (the template leaves out the other variants)");
        assertEquals(36, compare(methods));
    }

    @Test
    void unusualFeignFeaturesAreReadAsFeignReadsThemAndNamed() {
        assertEquals(1, compare(Unusual.class.getMethods()), "only literals() uses nothing the plans lack");
        Map<String, String> named = new TreeMap<>();
        for (Method method : Unusual.class.getMethods()) {
            named.put(method.getName(), GeneratedMethod.read(Unusual.class, method).unsupported());
        }
        Map<String, String> expected = new TreeMap<>();
        expected.put("queryMap", "@QueryMap");
        expected.put("headerMap", "@HeaderMap");
        expected.put("form", "form parameters");
        expected.put("expander", "@Param expanders");
        expected.put("uri", "a URI argument");
        expected.put("literals", null);
        assertEquals(expected, named);
    }

    /** @return how many of the methods use no feature the plans lack, after comparing each with Feign's reading */
    private static int compare(Method[] methods) {
        FeignReading feign = new FeignReading();
        int plain = 0;
        for (Method method : methods) {
            MethodMetadata expected = feign.read(method);
            GeneratedMethod actual = GeneratedMethod.read(method.getDeclaringClass(), method);
            String what = method.toString();
            assertEquals(expected.template().method(), actual.httpMethod(), what);
            assertEquals(expected.template().path(), actual.path(), what);
            assertEquals(ordered(expected.template().queries()), actual.queries(), what);
            assertEquals(sorted(expected.template().headers()), sorted(actual.headers()), what);
            Map<Integer, String> names = new TreeMap<>();
            expected.indexToName().forEach((index, values) -> names.put(index, values.iterator().next()));
            assertEquals(names, actual.paramNames(), what);
            assertEquals(expected.bodyIndex() == null ? -1 : expected.bodyIndex(), actual.bodyIndex(), what);
            assertEquals(expected.bodyType(), actual.bodyType(), what);
            assertEquals(expected.returnType(), actual.returnType(), what);
            boolean feignExtras = expected.queryMapIndex() != null || expected.headerMapIndex() != null
                    || expected.urlIndex() != null || !expected.formParams().isEmpty()
                    || !expected.indexToExpanderClass().isEmpty() || !expected.indexToEncoded().isEmpty();
            if (feignExtras) {
                assertNotNull(actual.unsupported(), what);
            } else {
                assertNull(actual.unsupported(), what);
                plain++;
            }
        }
        return plain;
    }

    /** A method without a request line is not an HTTP method: Feign refuses it too. */
    @Test
    void aMethodWithoutARequestLineIsRefused() throws NoSuchMethodException {
        Method hashCode = Object.class.getMethod("hashCode");
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> GeneratedMethod.read(ConferenceControlsClient.class, hashCode));
        assertTrue(refused.getMessage().contains("@RequestLine"), refused.getMessage());
    }

    private static Map<String, List<String>> ordered(Map<String, Collection<String>> templates) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        templates.forEach((name, values) -> copy.put(name, new ArrayList<>(values)));
        return copy;
    }

    private static Map<String, List<String>> sorted(Map<String, ? extends Collection<String>> templates) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        templates.forEach((name, values) -> copy.put(name, new ArrayList<>(values)));
        return copy;
    }
}
