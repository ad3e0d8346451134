package io.github.wxcsdk.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** What both sides of every comparison send: one token, one call id, and the SDK's {@code User-Agent}. */
public final class Wire {
    /** The access token of every benchmark client. */
    public static final String TOKEN = "bench-token-0123456789abcdef0123456789abcdef";
    /** The participant muted by {@code mute(callId)}. */
    public static final String CALL_ID = "Y2lzY29zcGFyazovL3VzL0NBTEwvNjE5ZTU0ZTItYmQ5NC00YmRhLTg2ZDEtYzBmYjI1NjBhMjFh";
    /** The prefix of the {@code TrackingID} header, followed by a fresh UUID on every call. */
    public static final String TRACKING_PREFIX = "WXCJAVA_";
    /** The facade's {@code User-Agent}, which the hand-written call sends too so that the bytes are the same. */
    public static final String USER_AGENT = "wxc-sdk-java/" + sdkVersion() + " Java/" + System.getProperty("java.version");

    private Wire() {
    }

    private static String sdkVersion() {
        try (InputStream in = Wire.class.getResourceAsStream("/io/github/wxcsdk/wxc-sdk.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
