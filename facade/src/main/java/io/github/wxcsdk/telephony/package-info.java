/** Webex Calling telephony APIs: {@link io.github.wxcsdk.telephony.TelephonyApi}. */
package io.github.wxcsdk.telephony;
