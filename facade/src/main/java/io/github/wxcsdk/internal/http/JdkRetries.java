package io.github.wxcsdk.internal.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * What the JDK's {@code java.net.http} client resends by itself, below the SDK's retry policy. Read from the JDK 17
 * sources ({@code MultiExchange}) and pinned by {@code JdkHiddenRetryTest}:
 * <ul>
 *   <li>once after a {@code ConnectException}, for every method: harmless, nothing reached the server; the time
 *       counts against the SDK's attempt limit ({@code -Djdk.httpclient.disableRetryConnect=true} turns it off);</li>
 *   <li>once for GET and HEAD when a pooled connection closes before the first byte of the answer: harmless, the
 *       SDK's only GET reads the conference details;</li>
 *   <li>POST and DELETE the same way only when the JVM sets {@code jdk.httpclient.enableAllMethodRetry}. Then
 *       {@code startConference} and {@code addParticipant} could reach the server twice, which the SDK promises never
 *       to do. The property is JVM-wide and read once by the JDK, so the SDK cannot undo it; it logs a WARN when a
 *       client is built.</li>
 * </ul>
 */
final class JdkRetries {
    static final String ALL_METHODS_PROPERTY = "jdk.httpclient.enableAllMethodRetry";
    private static final Logger LOG = LoggerFactory.getLogger(JdkRetries.class);

    private JdkRetries() {
    }

    /** Logs a WARN when the JDK may resend non-idempotent requests. */
    static void warnIfAllMethodsRetried() {
        Path netProperties = Path.of(System.getProperty("java.home"), "conf", "net.properties");
        if (allMethodsRetried(System::getProperty, netProperties)) {
            LOG.warn("{} is set: the JDK HTTP client may resend a POST on a closed pooled connection, so"
                    + " startConference and addParticipant could act twice. Unset it to keep the SDK's guarantee.",
                    ALL_METHODS_PROPERTY);
        }
    }

    /**
     * Reads the property as the JDK does: a system property, else {@code net.properties}; an empty value means true.
     *
     * @param systemProperties looks up system properties
     * @param netProperties    the JDK's {@code conf/net.properties}
     * @return whether the JDK resends requests of every method
     */
    static boolean allMethodsRetried(UnaryOperator<String> systemProperties, Path netProperties) {
        String value = systemProperties.apply(ALL_METHODS_PROPERTY);
        if (value == null && Files.isReadable(netProperties)) {
            Properties properties = new Properties();
            try (InputStream in = Files.newInputStream(netProperties)) {
                properties.load(in);
            } catch (IOException e) {
                return false;
            }
            value = properties.getProperty(ALL_METHODS_PROPERTY);
        }
        return value != null && (value.isEmpty() || Boolean.parseBoolean(value));
    }
}
