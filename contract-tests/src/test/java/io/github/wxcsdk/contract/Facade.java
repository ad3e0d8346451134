package io.github.wxcsdk.contract;

import au.com.dius.pact.consumer.MockServer;
import io.github.wxcsdk.WebexSimpleApi;
import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;

/**
 * The consumer under contract: the public façade, built the way users build it, pointed at a loopback server
 * (Pact's mock server, or a test server in front of it) instead of {@code https://webexapis.com/v1}.
 */
public final class Facade {
    private Facade() {
    }

    /**
     * @param server a Pact mock server
     * @return the conference controls talking to it
     */
    static ConferenceControlsApi conference(MockServer server) {
        return builder(server.getUrl()).build().telephony().conference();
    }

    /**
     * @param serverUrl the URL of a loopback server, without the API root
     * @return a builder with the contract's token and that server's API root, for tests that adjust it further
     */
    public static WebexSimpleApi.Builder builder(String serverUrl) {
        return WebexSimpleApi.builder()
                .accessToken(ConferenceContract.TOKEN)
                .baseUrl(serverUrl + ConferenceContract.API_ROOT);
    }
}
