package io.github.wxcsdk.internal.call;

import io.github.wxcsdk.internal.wire.RecordedCall;

import java.util.function.Function;

/**
 * One operation ready to run, the same for the synchronous and the asynchronous executor: how safe it is to resend,
 * how its request is recorded once its {@code TrackingID} is known, and how its answer becomes the public result.
 * Built by the conference views from an operation's description, once its arguments are checked.
 *
 * @param retryClass how safe the operation is to resend
 * @param recording  records the generated method call, given the call's tracking id
 * @param result     maps the decoded answer ({@code null} for none) to the public result
 * @param <T>        the public result
 */
public record Call<T>(RetryClass retryClass, Function<String, RecordedCall> recording, Function<Object, T> result) {
}
