package io.github.wxcsdk.spring.boot;

/**
 * A secret property ({@code webex.access-token}, {@code webex.oauth.client-secret}, {@code webex.oauth.refresh-token})
 * has a value the SDK refuses. Unlike Boot's {@code InvalidConfigurationPropertyValueException}, whose failure report
 * quotes the value from the environment, its report ({@link WebexSecretFailureAnalyzer}) names the property and the
 * reason only.
 */
public final class InvalidWebexSecretException extends IllegalStateException {
    private static final long serialVersionUID = 1L;
    private final String property;
    private final String reason;

    /**
     * Creates the exception.
     *
     * @param property the property, for example {@code webex.oauth.client-secret}
     * @param reason   why the value was refused; never the value
     */
    public InvalidWebexSecretException(String property, String reason) {
        super("Invalid value for configuration property '" + property + "' (not shown: it is a secret): " + reason);
        this.property = property;
        this.reason = reason;
    }

    /** @return the property */
    public String property() {
        return property;
    }

    /** @return why the value was refused */
    public String reason() {
        return reason;
    }
}
