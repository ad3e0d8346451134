/**
 * Access tokens: the {@link io.github.wxcsdk.auth.TokenProvider} a client asks before every request, and providers
 * that renew tokens.
 */
package io.github.wxcsdk.auth;
