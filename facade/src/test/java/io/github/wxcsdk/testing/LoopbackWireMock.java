package io.github.wxcsdk.testing;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/** WireMock as the tests use it: one server per test class, on a loopback port, reset before each test. */
public final class LoopbackWireMock {
    private LoopbackWireMock() {
    }

    /** @return an extension to register as a static field with {@code @RegisterExtension} */
    public static WireMockExtension extension() {
        return WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"))
                .build();
    }

    /** @return the API root on that server, ending in {@code /v1} */
    public static String baseUrl(WireMockExtension wireMock) {
        return wireMock.baseUrl() + "/v1";
    }
}
