package io.github.wxcsdk.telephony;

import io.github.wxcsdk.telephony.conference.ConferenceControlsAsyncApi;

/**
 * Webex Calling telephony APIs of a {@code WebexSimpleAsyncApi}. Implementations are immutable and thread-safe.
 */
public interface TelephonyAsyncApi {

    /**
     * The asynchronous conference controls for the calls of the token's user.
     *
     * @return the conference controls; the same instance on every call
     */
    ConferenceControlsAsyncApi conference();
}
