/**
 * Helpers of the public model types: immutable copies of JSON values, lenient reading of values the spec leaves open,
 * and open enums. Public only because the model packages use them; this package is not exported. Not API.
 */
package io.github.wxcsdk.internal.json;
