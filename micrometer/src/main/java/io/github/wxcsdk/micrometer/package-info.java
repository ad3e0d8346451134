/**
 * Records the calls of wxc-sdk-java as Micrometer meters and observations: see
 * {@link io.github.wxcsdk.micrometer.MicrometerCallListener}.
 */
package io.github.wxcsdk.micrometer;
