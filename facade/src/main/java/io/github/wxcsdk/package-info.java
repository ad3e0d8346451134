/**
 * The entry point of wxc-sdk-java, {@link io.github.wxcsdk.WebexSimpleApi}, and the exceptions every API of the SDK
 * throws: {@link io.github.wxcsdk.WebexException} and its subclasses.
 */
package io.github.wxcsdk;
