package io.github.wxcsdk;

import io.github.wxcsdk.internal.AsyncClientRuntime;
import io.github.wxcsdk.internal.net.Network;
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

    WebexSimpleAsyncApi(ClientSettings settings, Network network) {
        this.baseUrl = settings.baseUrl();
        this.runtime = new AsyncClientRuntime(settings, network);
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
     * Ends the client, within about a second. Idempotent.
     * <ul>
     *   <li>Every call still in flight fails at once, by the time {@code close()} returns: a state-changing call
     *       whose request may have reached Webex with {@link WebexOutcomeUnknownException}, any other with a
     *       {@link WebexClientException} that says the client was closed. No future is left pending.</li>
     *   <li>Later calls throw {@link IllegalStateException} ("The client is closed") at once; nothing is sent.</li>
     *   <li>The client's threads stop; close waits up to a second for them (not when called from one of them).
     *       The JDK HTTP client is shut down on Java 21 and later; Java 17 cannot close it, so the SDK lets go of it
     *       and its selector thread and connections end when the garbage collector takes it.</li>
     * </ul>
     */
    @Override
    public void close() {
        runtime.close();
    }

    /** Shows the base URL only, never the token. */
    @Override
    public String toString() {
        return "WebexSimpleAsyncApi{baseUrl=" + baseUrl + '}';
    }
}
