package io.github.wxcsdk.internal.generated.conference.invoker;

/**
 * Stands in for the generator's {@code ApiClient}, which is not generated: the generated interface extends
 * {@link Api}, a marker, and nothing else of it is used. The generator's own class builds a Feign client with OkHttp,
 * feign-form and feign-slf4j, which the façade never does (it runs the interface through its precompiled plans), so
 * none of them is needed to compile this module. Hand-written, not generated.
 */
public final class ApiClient {
    private ApiClient() {
    }

    /** What every generated API interface extends. */
    public interface Api {
    }
}
