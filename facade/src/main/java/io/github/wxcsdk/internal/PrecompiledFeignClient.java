package io.github.wxcsdk.internal;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Client;
import feign.DefaultContract;
import feign.MethodMetadata;
import feign.Request;
import feign.Response;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs a generated Feign interface without Feign's per-call machinery. Feign's own {@link DefaultContract} reads the
 * interface's annotations once, when the client is built, and each method becomes a {@link RequestPlan}; a call then
 * fills in its arguments, sends through the Feign {@link Client} transport, and reads the answer. Feign's
 * {@code SynchronousMethodHandler} re-expands every URI and header template on each call, which the benchmarks
 * measured at about 22 KB and 5 µs per call: most of the façade's cost above a hand-written call.
 *
 * <p>Answers are handled as Feign handles them: a 2xx body is decoded into the method's result (nothing for
 * {@code void}), anything else becomes an {@link ErrorResponse}. Methods whose annotations use a Feign feature the
 * plan does not implement (the generated {@code @QueryMap} and {@code ...WithHttpInfo} variants, which the façade
 * never calls) throw {@link UnsupportedOperationException} when called, with the reason.
 */
final class PrecompiledFeignClient implements InvocationHandler {
    private static final String BEARER = "Bearer ";

    /** One compiled method: its request plan and what its answer decodes to, {@code null} for {@code void}. */
    private record Operation(RequestPlan plan, JavaType result) {
    }

    private final String name;
    private final Map<Method, Operation> operations;
    private final Map<Method, String> unsupported;
    private final Client transport;
    private final Request.Options options;
    private final Supplier<String> tokenSupplier;
    private final JsonBodyDecoder decoder;
    private final ErrorResponseReader errors;

    private PrecompiledFeignClient(String name, Map<Method, Operation> operations, Map<Method, String> unsupported,
                                   Client transport, Request.Options options, Supplier<String> tokenSupplier,
                                   ObjectMapper mapper) {
        this.name = name;
        this.operations = operations;
        this.unsupported = unsupported;
        this.transport = transport;
        this.options = options;
        this.tokenSupplier = tokenSupplier;
        this.decoder = new JsonBodyDecoder(mapper);
        this.errors = new ErrorResponseReader(mapper);
    }

    /**
     * @param api           the generated Feign interface
     * @param baseUrl       the API root, without a trailing slash
     * @param transport     sends each request
     * @param options       handed to the transport with each request
     * @param tokenSupplier asked for the access token before every request
     * @param mapper        writes bodies and reads answers
     * @param <T>           the interface
     * @return the client
     */
    static <T> T create(Class<T> api, URI baseUrl, Client transport, Request.Options options,
                        Supplier<String> tokenSupplier, ObjectMapper mapper) {
        Map<Method, Operation> operations = new HashMap<>();
        Map<Method, String> unsupported = new HashMap<>();
        for (MethodMetadata metadata : new DefaultContract().parseAndValidateMetadata(api)) {
            try {
                RequestPlan plan = RequestPlan.compile(metadata, baseUrl.toString(), mapper);
                JavaType result = metadata.returnType() == void.class ? null
                        : mapper.constructType(metadata.returnType());
                operations.put(metadata.method(), new Operation(plan, result));
            } catch (UnsupportedOperationException e) {
                unsupported.put(metadata.method(), e.getMessage());
            }
        }
        PrecompiledFeignClient handler = new PrecompiledFeignClient(api.getSimpleName() + '(' + baseUrl + ')',
                Map.copyOf(operations), Map.copyOf(unsupported), transport, options, tokenSupplier, mapper);
        return api.cast(Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, handler));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
        Operation operation = operations.get(method);
        if (operation == null) {
            return objectMethod(proxy, method, args);
        }
        Response response = transport(operation.plan().request(args, BEARER + token()));
        int status = response.status();
        if (status < 200 || status >= 300) {
            throw errors.read(response);
        }
        try (response) {
            return operation.result() == null ? null : decoder.decode(response, operation.result());
        } catch (IOException | RuntimeException e) {
            Request request = response.request();
            throw new UnreadableAnswer(status, request.httpMethod().name(), URI.create(request.url()).getRawPath(), e);
        }
    }

    private Response transport(Request request) {
        try {
            return transport.execute(request, options);
        } catch (IOException e) {
            // our transport reports failures as TransportFailure; another Feign client may throw IOException
            throw new TransportFailure(TransportFailure.Kind.MAYBE_SENT, request.httpMethod().name(),
                    URI.create(request.url()).getRawPath(), e);
        }
    }

    private String token() {
        String token = tokenSupplier.get();
        if (token == null || token.isBlank()) {
            throw new IllegalStateException("The token supplier returned no access token");
        }
        return token.strip();
    }

    private Object objectMethod(Object proxy, Method method, Object[] args) {
        String reason = unsupported.get(method);
        if (reason != null) {
            throw new UnsupportedOperationException(reason);
        }
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            case "toString" -> name;
            default -> throw new UnsupportedOperationException(method.toString());
        };
    }
}
