/**
 * The per-client throttle: admits the calls of one client at a pace learned from the {@code 429}s of the service, one
 * at a time in arrival order. Pure and non-blocking (the caller passes the time and does the waiting), so the
 * synchronous and the asynchronous call paths share it. Not API.
 */
package io.github.wxcsdk.internal.throttle;
