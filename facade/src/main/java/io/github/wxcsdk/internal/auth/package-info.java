/**
 * The helpers of the {@code auth} package that are not API: token and URL checks, secret redaction, waits and
 * deadlines on the token provider's timer, and the token set shared with other replicas (encrypted with the client
 * secret). Public only because {@code io.github.wxcsdk.auth} uses them; this package is not exported. Not API.
 */
package io.github.wxcsdk.internal.auth;
