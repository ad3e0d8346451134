package io.github.wxcsdk.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/** The users of one simulator, by access token, and the source of their call ids. */
final class UserRegistry {
    private final ConcurrentMap<String, UserState> users = new ConcurrentHashMap<>();
    // one counter for all users, so a call id is never valid for two users
    private final AtomicLong lastCall = new AtomicLong();
    private final Clock clock;

    UserRegistry(Clock clock) {
        this.clock = clock;
    }

    /** The state of the user who owns {@code token}, created empty on first use. */
    UserState user(String token) {
        return users.computeIfAbsent(token, t -> new UserState(clock));
    }

    /**
     * Makes {@code alias} another token of the user who owns {@code token}: requests with either see and change the
     * same state (an OAuth access token acting as the user its integration was registered for).
     */
    void alias(String alias, String token) {
        users.put(alias, user(token));
    }

    /** Gives the user a new active call and returns its id, opaque like Webex's (base64url of wxcsim:call:N). */
    String createCall(String token) {
        String raw = "wxcsim:call:" + lastCall.incrementAndGet();
        String callId = Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        user(token).addCall(callId);
        return callId;
    }

    /**
     * Gives the user an active call with a chosen id, for provider states and fixtures that name their calls.
     *
     * @throws ApiException {@link Problem#CALL_ALREADY_EXISTS} when the user already has that call
     */
    void createCall(String token, String callId) {
        if (!user(token).addCall(callId)) {
            throw Problem.CALL_ALREADY_EXISTS.exception("The user already has a call " + callId + ".");
        }
    }
}
