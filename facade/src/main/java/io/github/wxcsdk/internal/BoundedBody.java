package io.github.wxcsdk.internal;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeoutException;

/**
 * The body of one attempt, read into a byte array by a deadline. The JDK's request timeout stops at the headers; this
 * bounds the rest. Past the deadline ({@link BodyDeadlines} checks) the body fails with a {@link TimeoutException}
 * and its subscription is cancelled, so the half-read connection is closed, not reused.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final HttpResponse.BodySubscriber<byte[]> bytes = HttpResponse.BodySubscribers.ofByteArray();
    private final CompletableFuture<byte[]> body = bytes.getBody().toCompletableFuture();
    private final long deadlineNanos;
    private volatile Flow.Subscription subscription;

    private BoundedBody(long deadlineNanos) {
        this.deadlineNanos = deadlineNanos;
        BodyDeadlines.watch(this);
    }

    /**
     * @param deadlineNanos the {@link System#nanoTime()} by which the whole body must be in
     * @return a handler whose bodies fail with {@link TimeoutException} after the deadline
     */
    static HttpResponse.BodyHandler<byte[]> until(long deadlineNanos) {
        return info -> new BoundedBody(deadlineNanos);
    }

    /** @return whether the deadline has passed at {@code nowNanos} */
    boolean expiredAt(long nowNanos) {
        return nowNanos - deadlineNanos >= 0;
    }

    /** Fails the body, unless it is complete, and cancels the subscription. */
    void expire() {
        BodyDeadlines.release(this);
        if (body.completeExceptionally(new TimeoutException("body not complete by the deadline"))) {
            Flow.Subscription current = subscription;
            if (current != null) {
                current.cancel();
            }
        }
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        this.subscription = subscription;
        bytes.onSubscribe(subscription);
        if (body.isCompletedExceptionally()) {
            subscription.cancel();
        }
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        bytes.onNext(item);
    }

    @Override
    public void onError(Throwable throwable) {
        BodyDeadlines.release(this);
        bytes.onError(throwable);
    }

    @Override
    public void onComplete() {
        BodyDeadlines.release(this);
        bytes.onComplete();
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return body;
    }
}
