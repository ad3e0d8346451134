/**
 * How the SDK's HTTP clients reach the network: the proxy, the TLS context and the proxy's credentials that an
 * application configured, the rule that keeps plain-http secrets on the local machine through a proxy, and failures
 * described in words. Not API.
 */
package io.github.wxcsdk.internal.net;
