package io.github.wxcsdk.internal.wire;

import io.github.wxcsdk.internal.http.RequestTarget;
import io.github.wxcsdk.internal.http.ErrorResponse;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Client;
import feign.Request;
import feign.Response;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Runs a generated Feign interface without Feign's per-call machinery. A method's Feign annotations are read the first
 * time it is called ({@link GeneratedMethod}, as Feign's own contract reads them), and the method becomes a
 * {@link RequestPlan}; a call then fills
 * in its arguments, sends through the Feign {@link Client} transport, and reads the answer. Feign's
 * {@code SynchronousMethodHandler} re-expands every URI and header template on each call: in memory, 6.5 µs and
 * 25.6 KB per details call, against 1.9 µs and 4.8 KB through these plans ({@code benchmarks/RESULTS.md}, "The
 * generated Feign interface runs through precompiled request plans"), most of what the façade cost above a
 * hand-written call. Compiling on first use keeps start-up from reading all 36 generated methods when a program calls
 * one or two.
 *
 * <p>The call executors use it without a proxy: a façade call is recorded as a {@link RecordedCall}, and each attempt
 * is {@link #request(RecordedCall, String)} and {@link #read(RecordedCall, Response)}, with the transport and its
 * deadline in between. (The façade's test jar runs the same steps behind the generated interface, to compare the
 * requests with Feign's own.)
 *
 * <p>Answers are handled as Feign handles them: a 2xx body is decoded into the method's result (nothing for
 * {@code void}), anything else becomes an {@link ErrorResponse}. A method whose annotations use a Feign feature the
 * plan does not implement (a query or header map, form parameters, an expander, a URI argument: the generated
 * interface uses none today) throws {@link UnsupportedOperationException} when called, with the reason.
 */
public final class PrecompiledFeignClient {
    private static final String BEARER = "Bearer ";

    /**
     * One compiled method: its request plan and what its answer decodes to ({@code null} for {@code void}), or why
     * it cannot be compiled.
     */
    private record Operation(RequestPlan plan, JavaType result, String httpMethod, String path, String template,
                             String unsupported) {
    }

    private final Class<?> api;
    private final String baseUrl;
    private final ConcurrentMap<Method, Operation> operations = new ConcurrentHashMap<>();
    private final ObjectMapper mapper;
    private final JsonBodyDecoder decoder;
    private final ErrorResponseReader errors;

    /**
     * @param api     the generated Feign interface
     * @param baseUrl the API root, without a trailing slash
     * @param mapper  writes bodies and reads answers
     */
    public PrecompiledFeignClient(Class<?> api, URI baseUrl, ObjectMapper mapper) {
        this.api = api;
        this.baseUrl = baseUrl.toString();
        this.mapper = mapper;
        this.decoder = new JsonBodyDecoder(mapper);
        this.errors = new ErrorResponseReader(mapper);
    }

    /**
     * @param call  the recorded method and arguments
     * @param token the access token
     * @return the request of one attempt
     * @throws UnsupportedOperationException when the method uses a Feign feature the plans do not implement
     */
    public Request request(RecordedCall call, String token) {
        return operation(call).plan().request(call.args(), BEARER + token);
    }

    /**
     * @param call     the recorded method
     * @param response the answer to one of its attempts
     * @return the decoded 2xx answer, {@code null} for none
     * @throws ErrorResponse   when the answer is not 2xx
     * @throws UnreadableAnswer when a 2xx body cannot be decoded
     */
    public Object read(RecordedCall call, Response response) {
        int status = response.status();
        if (status < 200 || status >= 300) {
            throw errors.read(response);
        }
        Operation operation = operation(call);
        try (response) {
            return operation.result() == null ? null : decoder.decode(response, operation.result());
        } catch (IOException | RuntimeException e) {
            Request request = response.request();
            throw new UnreadableAnswer(status, request.httpMethod() + " " + RequestTarget.of(request.url()), e);
        }
    }

    /** @return the HTTP method of the recorded call's operation */
    public String httpMethod(RecordedCall call) {
        return operation(call).httpMethod();
    }

    /** @return the path template of the recorded call's operation, without ids: {@code /v1/.../{memberId}/mute} */
    public String path(RecordedCall call) {
        return operation(call).path();
    }

    /**
     * The call's target as its requests carry it: path and query, ids percent-encoded, for example
     * {@code /v1/telephony/conference/members/m1/mute?orgId=o1}. Ids, never a token (the token travels in a header).
     *
     * @param call the recorded method and arguments
     * @return the raw path and query of its requests
     */
    public String target(RecordedCall call) {
        return RequestTarget.of(operation(call).plan().request(call.args(), BEARER + "-").url());
    }

    /**
     * @return the path template of the recorded call's operation as the spec writes it, relative to the API root and
     *         without the query: {@code /telephony/conference/members/{memberId}/mute}
     */
    public String urlTemplate(RecordedCall call) {
        return operation(call).template();
    }

    private Operation operation(RecordedCall call) {
        Operation operation = operations.computeIfAbsent(call.method(), this::compile);
        if (operation.unsupported() != null) {
            throw new UnsupportedOperationException(operation.unsupported());
        }
        return operation;
    }

    private Operation compile(Method method) {
        GeneratedMethod generated = GeneratedMethod.read(api, method);
        try {
            return new Operation(RequestPlan.compile(generated, baseUrl, mapper),
                    generated.returnType() == void.class ? null : mapper.constructType(generated.returnType()),
                    generated.httpMethod(), URI.create(baseUrl).getRawPath() + generated.path(), generated.path(),
                    null);
        } catch (UnsupportedOperationException e) {
            return new Operation(null, null, null, null, null, e.getMessage());
        }
    }
}
