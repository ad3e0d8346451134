package io.github.wxcsdk.spring.boot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports an {@link InvalidWebexSecretException} at startup: the property and the reason, never the value. */
public final class WebexSecretFailureAnalyzer extends AbstractFailureAnalyzer<InvalidWebexSecretException> {

    /** Creates the analyzer; Spring Boot calls it. */
    public WebexSecretFailureAnalyzer() {
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidWebexSecretException cause) {
        return new FailureAnalysis(cause.getMessage(), "Correct the value of '" + cause.property()
                + "' (a Webex token or client secret: printable ASCII, not blank), for example in the environment"
                + " or your secret store.", cause);
    }
}
