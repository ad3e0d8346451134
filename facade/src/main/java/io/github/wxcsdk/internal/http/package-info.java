/**
 * The transport: one attempt over the JDK HTTP client (blocking and non-blocking), its time limit, what a failed
 * attempt ends in ({@link io.github.wxcsdk.internal.http.TransportFailure},
 * {@link io.github.wxcsdk.internal.http.ErrorResponse}), network failures described, tokens kept out of what is
 * shown, and the headers the SDK adds. Not API.
 */
package io.github.wxcsdk.internal.http;
