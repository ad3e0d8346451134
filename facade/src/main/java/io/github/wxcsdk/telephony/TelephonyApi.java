package io.github.wxcsdk.telephony;

import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;

/**
 * Webex Calling telephony APIs of a {@code WebexSimpleApi}. Implementations are immutable and thread-safe.
 */
public interface TelephonyApi {

    /**
     * The conference controls for the calls of the token's user.
     *
     * @return the conference controls; the same instance on every call
     */
    ConferenceControlsApi conference();
}
