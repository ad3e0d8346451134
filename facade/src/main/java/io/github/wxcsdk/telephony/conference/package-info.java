/**
 * Conference controls for the calls of the token's user:
 * {@link io.github.wxcsdk.telephony.conference.ConferenceControlsApi} and its immutable models.
 */
package io.github.wxcsdk.telephony.conference;
