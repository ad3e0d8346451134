/**
 * Implementation of the SDK. Not API: anything here may change in any release, and nothing here appears in a public
 * signature of the SDK. The generated Feign client lives below {@code io.github.wxcsdk.internal.generated}.
 */
package io.github.wxcsdk.internal;
