package io.github.wxcsdk.internal.wire;

import feign.Client;
import feign.Request;
import feign.Response;
import io.github.wxcsdk.internal.ClientSettings;
import io.github.wxcsdk.internal.generated.conference.api.ConferenceControlsClient;
import io.github.wxcsdk.internal.http.TransportFailure;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * The generated interface run through the façade's precompiled plans and a Feign transport, behind a proxy of the
 * interface: for the tests that compare its requests with Feign's own, and the benchmarks that measure the plans
 * alone. Part of the façade's test jar, never of the library.
 */
public final class PlansProxy {
    private PlansProxy() {
    }

    /**
     * @param settings  the base URL, time limits and token
     * @param transport sends each request
     * @return the generated client, run by the plans
     */
    public static ConferenceControlsClient create(ClientSettings settings, Client transport) {
        return create(ConferenceControlsClient.class, settings.baseUrl(), transport,
                new Request.Options(settings.connectTimeout().toMillis(), TimeUnit.MILLISECONDS,
                        settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS, false),
                settings.tokenProvider().accessToken(settings.callTimeout()));
    }

    static <T> T create(Class<T> api, URI baseUrl, Client transport, Request.Options options, String token) {
        PrecompiledFeignClient plans = new PrecompiledFeignClient(api, baseUrl, WireMapper.create());
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(api, baseUrl, proxy, method, args);
            }
            RecordedCall call = new RecordedCall(method, args);
            Request request = plans.request(call, token);
            Response response;
            try {
                response = transport.execute(request, options);
            } catch (IOException e) {
                throw new TransportFailure(TransportFailure.Kind.MAYBE_SENT, request.httpMethod().name(),
                        URI.create(request.url()).getRawPath(), e);
            }
            return plans.read(call, response);
        };
        return api.cast(Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, handler));
    }

    private static Object objectMethod(Class<?> api, URI baseUrl, Object proxy, Method method, Object[] args) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            case "toString" -> api.getSimpleName() + '(' + baseUrl + ')';
            default -> throw new UnsupportedOperationException(method.toString());
        };
    }
}
