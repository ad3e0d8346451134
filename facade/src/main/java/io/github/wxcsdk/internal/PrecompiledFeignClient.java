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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * Runs a generated Feign interface without Feign's per-call machinery. Feign's own {@link DefaultContract} reads a
 * method's annotations the first time it is called, and the method becomes a {@link RequestPlan}; a call then fills
 * in its arguments, sends through the Feign {@link Client} transport, and reads the answer. Feign's
 * {@code SynchronousMethodHandler} re-expands every URI and header template on each call, which the benchmarks
 * measured at about 21 KB and 4.6 µs per call: most of the façade's cost above a hand-written call. Compiling on first
 * use keeps start-up from reading the annotations of all 28 generated methods (overloads and
 * {@code ...WithHttpInfo} variants included) when a program calls one or two.
 *
 * <p>Answers are handled as Feign handles them: a 2xx body is decoded into the method's result (nothing for
 * {@code void}), anything else becomes an {@link ErrorResponse}. Methods whose annotations use a Feign feature the
 * plan does not implement (the generated {@code @QueryMap} and {@code ...WithHttpInfo} variants, which the façade
 * never calls) throw {@link UnsupportedOperationException} when called, with the reason.
 */
final class PrecompiledFeignClient implements InvocationHandler {
    private static final String BEARER = "Bearer ";

    /**
     * One compiled method: its request plan and what its answer decodes to ({@code null} for {@code void}), or why
     * it cannot be compiled.
     */
    private record Operation(RequestPlan plan, JavaType result, String unsupported) {
    }

    /** Feign's contract, one method at a time (its public entry point reads every method of the interface). */
    private static final class MethodContract extends DefaultContract {
        MethodMetadata read(Class<?> api, Method method) {
            return parseAndValidateMetadata(api, method);
        }
    }

    private final Class<?> api;
    private final String baseUrl;
    private final ConcurrentMap<Method, Operation> operations = new ConcurrentHashMap<>();
    private final MethodContract contract = new MethodContract();
    private final Client transport;
    private final Request.Options options;
    private final Supplier<String> tokenSupplier;
    private final ObjectMapper mapper;
    private final JsonBodyDecoder decoder;
    private final ErrorResponseReader errors;

    private PrecompiledFeignClient(Class<?> api, String baseUrl, Client transport, Request.Options options,
                                   Supplier<String> tokenSupplier, ObjectMapper mapper) {
        this.api = api;
        this.baseUrl = baseUrl;
        this.transport = transport;
        this.options = options;
        this.tokenSupplier = tokenSupplier;
        this.mapper = mapper;
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
        PrecompiledFeignClient handler = new PrecompiledFeignClient(api, baseUrl.toString(), transport, options,
                tokenSupplier, mapper);
        return api.cast(Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, handler));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) {
        if (method.getDeclaringClass() == Object.class) {
            return objectMethod(proxy, method, args);
        }
        Operation operation = operations.computeIfAbsent(method, this::compile);
        if (operation.unsupported() != null) {
            throw new UnsupportedOperationException(operation.unsupported());
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
            throw new UnreadableAnswer(status, request.httpMethod() + " " + URI.create(request.url()).getRawPath(), e);
        }
    }

    private Operation compile(Method method) {
        MethodMetadata metadata = contract.read(api, method);
        try {
            return new Operation(RequestPlan.compile(metadata, baseUrl, mapper),
                    metadata.returnType() == void.class ? null : mapper.constructType(metadata.returnType()), null);
        } catch (UnsupportedOperationException e) {
            return new Operation(null, null, e.getMessage());
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
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            case "toString" -> api.getSimpleName() + '(' + baseUrl + ')';
            default -> throw new UnsupportedOperationException(method.toString());
        };
    }
}
