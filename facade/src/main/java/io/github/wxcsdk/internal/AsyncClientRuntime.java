package io.github.wxcsdk.internal;

import io.github.wxcsdk.internal.call.AsyncCallExecutor;
import io.github.wxcsdk.internal.call.CallRuntime;
import io.github.wxcsdk.internal.conference.ConferenceViews;
import io.github.wxcsdk.internal.http.JdkHttpTransport;
import io.github.wxcsdk.internal.net.Network;
import io.github.wxcsdk.telephony.conference.ConferenceControlsAsyncApi;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * What an asynchronous client owns: the HTTP client's and the call steps' pool ({@value #IO_THREADS} threads), a timer
 * thread, and, unless the user gave an executor, a pool that completes the futures handed to callers
 * ({@value #COMPLETION_THREADS} threads), so at most 10 threads of its own beside the JDK HTTP client's selector.
 * Idle threads end by themselves; {@link #close()} ends them at once.
 */
public final class AsyncClientRuntime implements AutoCloseable {
    static final int IO_THREADS = 4;
    static final int COMPLETION_THREADS = 4;

    private final ThreadPoolExecutor io;
    private final ScheduledThreadPoolExecutor timer;
    private final ThreadPoolExecutor ownCompletion;
    private final ConferenceControlsAsyncApi conference;
    private final JdkHttpTransport transport;
    private final AsyncCallExecutor executor;

    /**
     * @param settings the checked settings
     */
    public AsyncClientRuntime(ClientSettings settings) {
        this(settings, Network.DEFAULT);
    }

    /**
     * @param settings the checked settings
     * @param network  the proxy, TLS context and proxy credentials
     */
    public AsyncClientRuntime(ClientSettings settings, Network network) {
        this.io = ClientThreads.pool("wxc-sdk-async-io", IO_THREADS);
        this.timer = ClientThreads.timer("wxc-sdk-async-timer");
        this.ownCompletion = settings.completionExecutor() == null
                ? ClientThreads.pool("wxc-sdk-async-callback", COMPLETION_THREADS) : null;
        Executor completion = ownCompletion != null ? ownCompletion : settings.completionExecutor();
        this.transport = new JdkHttpTransport(settings.connectTimeout(), network, io, timer);
        CallRuntime runtime = new CallRuntime(settings, Clients.plans(settings));
        this.executor = new AsyncCallExecutor(runtime, transport::executeAsync, timer,
                (millis, task) -> settings.time().schedule(timer, Duration.ofMillis(millis), task), io, completion);
        this.conference = ConferenceViews.asyncUser(executor);
    }

    /** @return the user's asynchronous conference controls */
    public ConferenceControlsAsyncApi conference() {
        return conference;
    }

    /**
     * Ends the client: the futures of calls in flight fail at once (see {@link AsyncCallExecutor#close()}), later calls
     * throw {@link IllegalStateException}, the client's threads stop and the transport lets go of its JDK client.
     * Waits up to a second for the threads to end, unless called from one of them (a callback closing its own
     * client). Idempotent.
     */
    @Override
    public void close() {
        executor.close();
        transport.close();
        timer.shutdownNow();
        io.shutdownNow();
        if (ownCompletion != null) {
            ownCompletion.shutdown();
        }
        if (!Thread.currentThread().getName().startsWith("wxc-sdk-async-")) {
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
                timer.awaitTermination(1, TimeUnit.SECONDS);
                io.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (ownCompletion != null) {
                    ownCompletion.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
