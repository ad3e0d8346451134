/**
 * wxc-sdk-java's Micrometer integration: {@link io.github.wxcsdk.micrometer.MicrometerCallListener}. Optional; the
 * core module ({@code io.github.wxcsdk.conference}) depends on nothing of Micrometer.
 */
// Micrometer ships automatic modules (no module-info), named in its manifests; users need its types
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module io.github.wxcsdk.micrometer {
    exports io.github.wxcsdk.micrometer;

    requires transitive io.github.wxcsdk.conference;
    requires transitive micrometer.core;
    requires transitive micrometer.observation;
    requires micrometer.commons;
}
