package io.github.wxcsdk.internal.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SDK sees {@code jdk.httpclient.enableAllMethodRetry} as the JDK does. */
class JdkRetriesTest {
    @TempDir
    Path dir;

    @Test
    void aSystemPropertyOfTrueOrEmptyTurnsItOn() {
        Path none = dir.resolve("missing.properties");
        assertTrue(JdkRetries.allMethodsRetried(Map.of(JdkRetries.ALL_METHODS_PROPERTY, "true")::get, none));
        assertTrue(JdkRetries.allMethodsRetried(Map.of(JdkRetries.ALL_METHODS_PROPERTY, "")::get, none));
        assertFalse(JdkRetries.allMethodsRetried(Map.of(JdkRetries.ALL_METHODS_PROPERTY, "false")::get, none));
        assertFalse(JdkRetries.allMethodsRetried(name -> null, none));
    }

    @Test
    void theJdksNetPropertiesCountWhenNoSystemPropertyIsSet() throws IOException {
        Path net = Files.writeString(dir.resolve("net.properties"), JdkRetries.ALL_METHODS_PROPERTY + "=true\n");
        assertTrue(JdkRetries.allMethodsRetried(name -> null, net));
        assertFalse(JdkRetries.allMethodsRetried(Map.of(JdkRetries.ALL_METHODS_PROPERTY, "false")::get, net));
    }

    @Test
    void thisJvmDoesNotSetIt() {
        assertFalse(JdkRetries.allMethodsRetried(System::getProperty,
                Path.of(System.getProperty("java.home"), "conf", "net.properties")));
    }
}
