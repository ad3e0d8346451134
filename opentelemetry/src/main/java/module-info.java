/**
 * wxc-sdk-java's OpenTelemetry integration: {@link io.github.wxcsdk.opentelemetry.OpenTelemetryCallListener}.
 * Optional; the core module ({@code io.github.wxcsdk.conference}) depends on nothing of OpenTelemetry.
 */
// OpenTelemetry ships automatic modules (no module-info), named in its manifests; users need its types
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module io.github.wxcsdk.opentelemetry {
    exports io.github.wxcsdk.opentelemetry;

    requires transitive io.github.wxcsdk.conference;
    requires transitive io.opentelemetry.api;
    requires io.opentelemetry.context;
}
