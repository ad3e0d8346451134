package io.github.wxcsdk;

import io.github.wxcsdk.internal.AsyncClientRuntime;
import io.github.wxcsdk.internal.ClientSettings;
import io.github.wxcsdk.telephony.TelephonyAsyncApi;
import io.github.wxcsdk.telephony.conference.ConferenceControlsAsyncApi;

import java.net.URI;

/**
 * The asynchronous entry point of the SDK: the same APIs as {@link WebexSimpleApi}, each operation returning a
 * {@link java.util.concurrent.CompletableFuture}, with the same settings, retries, throttle, time limits and token
 * handling, and no thread per call in flight.
 *
 * <pre>{@code
 * try (WebexSimpleAsyncApi api = WebexSimpleApi.builder().accessToken(token).buildAsync()) {
 *     api.telephony().conference().mute(callId).join();
 * }
 * }</pre>
 *
 * <p>Thread-safe: build it once and share it. It owns a few threads (at most ten, beside the JDK HTTP client's
 * selector thread): idle ones end by themselves after seconds, and {@link #close()} ends them at once. Where
 * {@code ForkJoinPool.getCommonPoolParallelism()} is 1 (fewer than three CPUs), the JDK's {@code HttpClient.sendAsync}
 * also starts a short-lived thread for every answer, which the SDK cannot prevent; there, start the JVM with
 * {@code -Djava.util.concurrent.ForkJoinPool.common.parallelism=2}.
 */
public final class WebexSimpleAsyncApi implements AutoCloseable {
    private final URI baseUrl;
    private final AsyncClientRuntime runtime;
    private final TelephonyAsyncApi telephony;

    WebexSimpleAsyncApi(ClientSettings settings) {
        this.baseUrl = settings.baseUrl();
        this.runtime = new AsyncClientRuntime(settings);
        ConferenceControlsAsyncApi conference = runtime.conference();
        this.telephony = () -> conference;
    }

    /**
     * The Webex Calling telephony APIs.
     *
     * @return the telephony APIs; the same instance on every call
     */
    public TelephonyAsyncApi telephony() {
        return telephony;
    }

    /**
     * Stops the client's threads and waits up to a second for them to end (not when called from one of the client's
     * own threads). Calls in flight fail or never complete; do not use the client afterwards. The JDK HTTP client of
     * Java 17 has no close: its selector thread ends once the client is unreachable. Idempotent.
     */
    @Override
    public void close() {
        runtime.close();
    }

    /** @return whether the client has a thread of its own running; for tests of thread ownership */
    boolean holdsThreads() {
        return runtime.holdsThreads();
    }

    /** Shows the base URL only, never the token. */
    @Override
    public String toString() {
        return "WebexSimpleAsyncApi{baseUrl=" + baseUrl + '}';
    }
}
