package io.github.wxcsdk.internal;

import io.github.wxcsdk.telephony.TelephonyApi;
import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;

/** Creates the implementation behind {@code WebexSimpleApi}: one transport, mapper, Feign proxy and executor. */
public final class Clients {
    private Clients() {
    }

    /**
     * Builds the telephony API of a client.
     *
     * @param settings the checked settings
     * @return the telephony API, immutable and thread-safe
     */
    public static TelephonyApi telephony(ClientSettings settings) {
        ConferenceControlsApi conference = new DefaultConferenceControlsApi(
                GeneratedClientFactory.create(settings), new CallExecutor(settings), null);
        return () -> conference;
    }
}
