/**
 * The wxc-sdk-java facade for Webex Calling Conference Controls. A consumer needs only
 * {@code requires io.github.wxcsdk.conference;}. Exported: the public API packages. Not exported: everything under
 * {@code io.github.wxcsdk.internal}, which may change in any release. The public API exposes no type of another
 * library, so nothing is {@code requires transitive}.
 */
module io.github.wxcsdk.conference {
    exports io.github.wxcsdk;
    exports io.github.wxcsdk.auth;
    exports io.github.wxcsdk.telephony;
    exports io.github.wxcsdk.telephony.conference;

    requires io.github.wxcsdk.conference.client;
    requires feign.core;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires org.slf4j;
    requires java.net.http;
}
