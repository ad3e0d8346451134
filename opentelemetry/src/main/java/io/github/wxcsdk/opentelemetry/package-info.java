/**
 * Traces the calls of wxc-sdk-java with OpenTelemetry: see
 * {@link io.github.wxcsdk.opentelemetry.OpenTelemetryCallListener}.
 */
package io.github.wxcsdk.opentelemetry;
