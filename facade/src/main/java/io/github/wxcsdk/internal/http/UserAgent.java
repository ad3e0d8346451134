package io.github.wxcsdk.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The {@code User-Agent} this SDK sends: {@code wxc-sdk-java/<sdk version> Java/<java version>}. */
public final class UserAgent {
    public static final String VALUE = "wxc-sdk-java/" + sdkVersion() + " Java/" + System.getProperty("java.version");

    private UserAgent() {
    }

    private static String sdkVersion() {
        try (InputStream in = UserAgent.class.getResourceAsStream("/io/github/wxcsdk/wxc-sdk.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the SDK version", e);
        }
    }
}
