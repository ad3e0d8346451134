package io.github.wxcsdk.contract;

import au.com.dius.pact.consumer.dsl.LambdaDsl;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslResponse;
import io.github.wxcsdk.WebexApiException;
import io.github.wxcsdk.WebexErrorDetail;
import org.junit.jupiter.api.function.Executable;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * An error answer in the usual Webex shape, {@code {"message", "errors": [{"description", "errorCode"?}],
 * "trackingId"}}, and what the client must make of it: a {@link WebexApiException} with the status, the Webex
 * message, the error details and the tracking id. The body's fields are matched by type; their examples are what the
 * client is checked to report.
 *
 * @param status    the HTTP status
 * @param message   the example {@code message}, also the example {@code errors[0].description}
 * @param errorCode the example {@code errors[0].errorCode}, or {@code null} where Webex sends none
 */
record WebexErrorAnswer(int status, String message, Integer errorCode) {
    /** The tracking id of every error answer in the contract. */
    static final String TRACKING_ID = "ROUTER_6553F9A1-0B2C-4D3E-8F40-51627384A5B6";

    /**
     * @param request the request this error answers
     * @return the answer, to add headers to before {@code toPact}
     */
    PactDslResponse answer(PactDslRequestWithPath request) {
        return ConferenceContract.jsonAnswer(request, status).body(LambdaDsl.newJsonBody(error -> {
            error.stringType("message", message);
            error.eachLike("errors", detail -> {
                detail.stringType("description", message);
                if (errorCode != null) {
                    detail.integerType("errorCode", errorCode);
                }
            });
            error.stringType("trackingId", TRACKING_ID);
        }).build());
    }

    /**
     * Checks that a façade call fails with this error, reported completely.
     *
     * @param call the façade call
     * @return the exception, for further checks
     */
    WebexApiException assertReportedBy(Executable call) {
        WebexApiException error = assertThrows(WebexApiException.class, call);
        assertEquals(status, error.statusCode(), error::getMessage);
        assertEquals(Optional.of(message), error.webexMessage());
        assertEquals(List.of(new WebexErrorDetail(message, errorCode)), error.errors());
        assertEquals(Optional.of(TRACKING_ID), error.trackingId());
        return error;
    }
}
