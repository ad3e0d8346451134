/**
 * Running a call: the rules shared by the synchronous and the asynchronous executor (tracking id, token, time limits,
 * retries, throttle, permits) and the translation of a final failure into a public exception. Not API.
 */
package io.github.wxcsdk.internal.call;
