/**
 * Implementation of the SDK. Not API: nothing under this package is exported by the module, anything here may change
 * in any release, and nothing here appears in a public signature of the SDK. This package wires a client together
 * (settings, the objects each client owns) and holds what the public packages share; the work is done in its
 * subpackages, one per job: {@code http} (transport), {@code wire} (the generated Feign interface run by precompiled
 * plans), {@code call} (running a call: retries, time limits, permits), {@code throttle}, {@code conference} (the
 * operations and their views) and {@code json} (helpers of the model types). The generated Feign client lives below
 * {@code io.github.wxcsdk.internal.generated}, in its own module.
 */
package io.github.wxcsdk.internal;
