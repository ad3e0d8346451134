package io.github.wxcsdk;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Lets several replicas of a service (processes, hosts) that use the same token share what one client learns alone:
 * the throttle of the token (the gate a {@code 429} closes, the learned pace, each live replica's share of it) and
 * the OAuth token set (one refresh per expiry, the newest tokens for everyone). Given to
 * {@link WebexSimpleApi.Builder#coordination(ClientCoordination)} and
 * {@code OAuthTokenProvider.Builder.coordination(ClientCoordination)}; without it every client works alone, as before.
 *
 * <p>The SDK ships one implementation, {@code io.github.wxcsdk.redis.RedisCoordination} (artifact
 * {@code wxc-sdk-redis}). An implementation stores opaque state under opaque identities:
 * <ul>
 *   <li>An <b>identity</b> is a lowercase hex SHA-256 that the SDK derives (the throttle's from the access token, the
 *       token set's from the client id and the refresh token the provider was built with); it never is a token or a
 *       secret and may be used in a key as it is.</li>
 *   <li>The <b>token set value</b> is encrypted by the SDK (AES-GCM, with a key derived from the client secret, which
 *       the store never sees); implementations store it as given and must never log it.</li>
 * </ul>
 *
 * <p><b>Failures.</b> Every method completes within a bounded time (the implementation's operation timeout, for
 * example 200 ms). A stage completed exceptionally means "coordination is unavailable now": the SDK then goes on
 * alone (its own throttle, its own refresh) and asks again later; no call fails because of it. Implementations log
 * such failures themselves (once, not per operation) and never throw from the methods directly.
 *
 * <p>Implementations are thread-safe; one instance may serve any number of clients and token providers.
 */
public interface ClientCoordination {

    /**
     * Heartbeat of one replica's throttle, and optionally what its throttle just learned from a {@code 429}: records
     * that {@code replica} is alive, applies {@code update} (when not {@code null}) as the newest shared state, and
     * answers the shared state. An implementation may keep the previous pace when the update comes within a second
     * of it and is lower (one pace per congestion: the replicas answered {@code 429} together take its best
     * measurement); the answer then differs from the update and the replica takes the answer's pace. The SDK calls it about once a second per replica while calls are made (a few times a
     * second while pacing) and right after a {@code 429} changed the pace, never once per call.
     *
     * @param identity the throttle's identity (a hex SHA-256 derived from the access token)
     * @param replica  a random id of the calling replica's client, stable for its life
     * @param update   what the replica's throttle learned, or {@code null} for a heartbeat only
     * @return the shared state after the update; completes exceptionally when coordination is unavailable
     */
    CompletionStage<SharedThrottle> exchangeThrottle(String identity, String replica, ThrottleUpdate update);

    /**
     * Reads the newest shared token set.
     *
     * @param identity the token set's identity (a hex SHA-256 derived from the client id and the initial refresh
     *                 token)
     * @return the encrypted token set value, empty when none is stored; completes exceptionally when coordination is
     *         unavailable
     */
    CompletionStage<Optional<String>> readTokenSet(String identity);

    /**
     * Tries to take the refresh lease of a token set: only its holder refreshes. The lease ends when
     * {@link #releaseRefreshLease(String, String)} is called or, if its holder dies, when {@code lease} has passed.
     *
     * @param identity the token set's identity
     * @param holder   a random id of the asking provider
     * @param lease    how long the lease lasts at most
     * @return {@code true} when {@code holder} has the lease now (also when it already had it), {@code false} when
     *         another holder has it; completes exceptionally when coordination is unavailable
     */
    CompletionStage<Boolean> tryRefreshLease(String identity, String holder, Duration lease);

    /**
     * Ends the refresh lease when {@code holder} still has it; does nothing otherwise.
     *
     * @param identity the token set's identity
     * @param holder   the id given to {@link #tryRefreshLease(String, String, Duration)}
     * @return completes when done; exceptionally when coordination is unavailable
     */
    CompletionStage<Void> releaseRefreshLease(String identity, String holder);

    /**
     * Stores a new token set as the newest, when {@code holder} has the refresh lease or nobody has it (a holder
     * whose lease expired while it refreshed still publishes the tokens it got: Webex may have retired the old
     * refresh token already).
     *
     * @param identity the token set's identity
     * @param holder   the id given to {@link #tryRefreshLease(String, String, Duration)}
     * @param value    the encrypted token set value; never logged
     * @return {@code true} when stored, {@code false} when another holder has the lease; completes exceptionally
     *         when coordination is unavailable
     */
    CompletionStage<Boolean> publishTokenSet(String identity, String holder, String value);

    /**
     * What one replica's throttle learned from a {@code 429}. Immutable.
     *
     * @param requestsPerSecond the pace all replicas together should keep, requests per second (the replica's own
     *                          pace times the live replicas); positive
     * @param probing           whether the pace is still doubling (no limit known yet)
     * @param gate              how long from now every replica holds back its calls ({@code Retry-After}); zero for
     *                          no gate
     */
    record ThrottleUpdate(double requestsPerSecond, boolean probing, Duration gate) {
        /**
         * Checks the update.
         *
         * @param requestsPerSecond see the record component
         * @param probing           see the record component
         * @param gate              see the record component
         * @throws IllegalArgumentException when {@code requestsPerSecond} is not positive and finite, or
         *                                  {@code gate} is negative
         * @throws NullPointerException     when {@code gate} is {@code null}
         */
        public ThrottleUpdate {
            if (!(requestsPerSecond > 0) || Double.isInfinite(requestsPerSecond)) {
                throw new IllegalArgumentException("requestsPerSecond must be positive and finite: "
                        + requestsPerSecond);
            }
            Objects.requireNonNull(gate, "gate");
            if (gate.isNegative()) {
                throw new IllegalArgumentException("gate must not be negative: " + gate);
            }
        }
    }

    /**
     * The throttle state the replicas share. Immutable.
     *
     * @param version           increases with every {@link ThrottleUpdate}; 0 when none was ever published (then
     *                          nobody has seen a {@code 429} and nothing is paced)
     * @param requestsPerSecond the pace of all replicas together from the newest update; 0 when none
     * @param probing           whether that pace was still doubling
     * @param gateRemaining     how long every replica still holds back its calls; zero when the gate is open
     * @param age               how long ago the newest update was published
     * @param replicas          replicas that sent a heartbeat in the last few seconds, at least 1
     */
    record SharedThrottle(long version, double requestsPerSecond, boolean probing, Duration gateRemaining,
                          Duration age, int replicas) {
        /**
         * Checks the state.
         *
         * @param version           see the record component
         * @param requestsPerSecond see the record component
         * @param probing           see the record component
         * @param gateRemaining     see the record component
         * @param age               see the record component
         * @param replicas          see the record component
         * @throws NullPointerException     when a duration is {@code null}
         * @throws IllegalArgumentException when {@code replicas} is below 1 or {@code requestsPerSecond} negative
         */
        public SharedThrottle {
            Objects.requireNonNull(gateRemaining, "gateRemaining");
            Objects.requireNonNull(age, "age");
            if (replicas < 1) {
                throw new IllegalArgumentException("replicas must be at least 1: " + replicas);
            }
            if (!(requestsPerSecond >= 0)) {
                throw new IllegalArgumentException("requestsPerSecond must not be negative: " + requestsPerSecond);
            }
        }
    }
}
