package io.github.wxcsdk.internal.http;

import java.util.function.Function;

/**
 * What a failed attempt ends in: an answer that is not 2xx ({@link ErrorResponse}) or no answer at all
 * ({@link TransportFailure}). Both are thrown through the Feign transport as unchecked exceptions; the call runtime
 * takes them as this type, so its decisions (retry, wait, public exception) see every case without a cast. Not API.
 */
public sealed interface AttemptFailure permits ErrorResponse, TransportFailure {
    /** @return the request's HTTP method */
    String httpMethod();

    /** @return the request's path, without the query */
    String path();

    /** @return the answer's status, 0 when there was no answer */
    int status();

    /** @return the failure in words for logs and listeners: {@code HTTP 503}, or the transport's problem */
    String summary();

    /** @return the failure as the exception it travels as */
    RuntimeException exception();

    /**
     * Handles each case, without a cast (Java 17 has no pattern {@code switch}).
     *
     * @param answered   applied to an error answer
     * @param unanswered applied to a transport failure
     * @param <R>        the result
     * @return the result of the function that applies
     */
    <R> R handle(Function<ErrorResponse, R> answered, Function<TransportFailure, R> unanswered);
}
