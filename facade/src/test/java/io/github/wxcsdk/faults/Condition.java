package io.github.wxcsdk.faults;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

/**
 * The rows of the fault matrix: every status Webex documents that matters for retries, and every way a connection can
 * fail. {@link #signal} says what the failure means under the rules; {@link FaultMatrixTest} derives the
 * expectation from it.
 */
public enum Condition {
    STATUS_400(Signal.FINAL, status(400)),
    STATUS_401(Signal.FINAL, status(401)),
    STATUS_403(Signal.FINAL, status(403)),
    STATUS_404(Signal.FINAL, status(404)),
    STATUS_409(Signal.FINAL, status(409)),
    STATUS_423(Signal.FINAL, status(423)),
    STATUS_423_RETRY_AFTER(Signal.BUSY_WITH_RETRY_AFTER, status(423).withHeader("Retry-After", "1")),
    STATUS_429(Signal.THROTTLED, status(429)),
    STATUS_429_RETRY_AFTER(Signal.THROTTLED, status(429).withHeader("Retry-After", "2")),
    STATUS_500(Signal.FINAL, status(500)),
    STATUS_502(Signal.GATEWAY_FAILED, status(502).withHeader("Content-Type", "text/html")
            .withBody("<html><body><h1>502 Bad Gateway</h1></body></html>")),
    STATUS_503(Signal.UNAVAILABLE, status(503)),
    STATUS_503_RETRY_AFTER(Signal.BUSY_WITH_RETRY_AFTER, status(503).withHeader("Retry-After", "1")),
    STATUS_504(Signal.GATEWAY_FAILED, status(504).withBody("")),
    CONNECTION_REFUSED(Signal.NOT_SENT, null),
    RESET_BEFORE_REQUEST_READ(Signal.LOST_SILENTLY, null),
    RESET_AFTER_REQUEST(Signal.LOST_SILENTLY, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)),
    EMPTY_RESPONSE(Signal.LOST_SILENTLY, aResponse().withFault(Fault.EMPTY_RESPONSE)),
    MALFORMED_CHUNK(Signal.LOST, aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)),
    RANDOM_DATA_THEN_CLOSE(Signal.LOST, aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)),
    READ_TIMEOUT_BEFORE_HEADERS(Signal.TIMED_OUT, aResponse().withStatus(204)
            .withFixedDelay(FaultMatrixTest.SLOW_MILLIS)),
    READ_TIMEOUT_IN_BODY(Signal.TIMED_OUT, aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody("{\"state\":\"connected\",\"participants\":[]}".repeat(20))
            .withChunkedDribbleDelay(10, FaultMatrixTest.SLOW_MILLIS));

    /** What a failure means for resending, in the words. */
    enum Signal {
        /** An error the server decided: never resent. */
        FINAL,
        /** 429: the server did nothing; resent for every operation. */
        THROTTLED,
        /** 423 or 503 with Retry-After: resent except for start and addParticipant. */
        BUSY_WITH_RETRY_AFTER,
        /** 503 without Retry-After: resent except for start and addParticipant. */
        UNAVAILABLE,
        /** 502, 504: the server may have acted. */
        GATEWAY_FAILED,
        /** The request never left: resent for every operation. */
        NOT_SENT,
        /** The connection broke after the request may have been sent, before any byte of an answer. */
        LOST_SILENTLY,
        /** The connection broke after the request may have been sent, in the middle of a garbled answer. */
        LOST,
        /** No complete answer within the read timeout. */
        TIMED_OUT
    }

    final Signal signal;
    /** The WireMock answer, or {@code null} when the fault is made without WireMock. */
    final ResponseDefinitionBuilder answer;

    Condition(Signal signal, ResponseDefinitionBuilder answer) {
        this.signal = signal;
        this.answer = answer;
    }

    /** @return the HTTP status of the answer, or 0 for a fault below HTTP */
    int status() {
        return answer == null || answer.build().getFault() != null || signal == Signal.TIMED_OUT
                ? 0 : answer.build().getStatus();
    }

    private static ResponseDefinitionBuilder status(int status) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("trackingid", "ROUTER_MATRIX")
                .withBody("{\"message\":\"status " + status + "\",\"errors\":[{\"description\":\"status " + status
                        + "\",\"errorCode\":" + status + "}],\"trackingId\":\"ROUTER_MATRIX\"}");
    }
}
