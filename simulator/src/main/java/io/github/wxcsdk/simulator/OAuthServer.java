package io.github.wxcsdk.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The simulator's OAuth server ({@link WebexSimulator#oauth()}): integrations, and the access tokens, refresh tokens
 * and authorization codes it issues to them. {@code POST /v1/access_token} and {@code GET /v1/authorize} serve it over
 * HTTP; this class is its Java side.
 *
 * <p>An integration is registered for a user of the simulator, named by that user's bearer token: every access token
 * issued to the integration acts as that user (same calls, conferences and faults). An access token the simulator
 * issued is answered {@code 401} on the Webex API once it has expired or been revoked; any other token keeps being a
 * user of its own, as without OAuth.
 *
 * <pre>{@code
 * sim.oauth().register("alice", Integration.of("client", "secret").withAccessTokenLifetime(Duration.ofSeconds(2)));
 * IssuedTokens tokens = sim.oauth().issueTokens("client");   // as the Service App page or a finished OAuth flow
 * // refresh at sim.baseUrl() + "/access_token" with tokens.refreshToken()
 * }</pre>
 *
 * <p>Thread-safe; time comes from the simulator's {@link Clock}. Tokens and secrets are never logged.
 */
public final class OAuthServer {
    /** How long an authorization code of {@code /v1/authorize} can be exchanged (once). */
    static final Duration CODE_LIFETIME = Duration.ofMinutes(10);
    private static final int TOKEN_BYTES = 32;

    private final Clock clock;
    private final UserRegistry users;
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentMap<String, Client> clients = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, AccessGrant> accessTokens = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, RefreshGrant> refreshTokens = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, CodeGrant> codes = new ConcurrentHashMap<>();

    OAuthServer(Clock clock, UserRegistry users) {
        this.clock = clock;
        this.users = users;
    }

    /**
     * Registers an integration whose access tokens act as the user who owns {@code userToken}, as
     * {@code POST /_simulator/oauth/integrations} does for its bearer token. Registering a client id again replaces
     * its settings and user; tokens issued before stay valid.
     *
     * @param userToken the bearer token of the user that the integration's access tokens act as
     * @param integration the integration
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if {@code userToken} is empty or has spaces or non-ASCII characters
     */
    public void register(String userToken, Integration integration) {
        Objects.requireNonNull(integration, "integration");
        Client client = new Client(integration, Tokens.require(userToken));
        clients.merge(integration.clientId(), client, (old, fresh) -> fresh.keepCounts(old));
    }

    /**
     * Issues a token set to a registered integration without any browser flow, as the Service App page or a finished
     * OAuth flow would, and as {@code POST /_simulator/oauth/tokens} does: the initial refresh token of a test.
     *
     * @param clientId the integration's client id
     * @return a new access token and refresh token, with the integration's lifetimes
     * @throws NullPointerException if {@code clientId} is null
     * @throws IllegalArgumentException if no integration has that client id
     */
    public IssuedTokens issueTokens(String clientId) {
        Client client = clients.get(Objects.requireNonNull(clientId, "clientId"));
        if (client == null) {
            throw new IllegalArgumentException("no integration is registered with that client id");
        }
        return issue(client, null, null);
    }

    /**
     * Revokes an access token or a refresh token that this server issued, as {@code POST /_simulator/oauth/revoke}
     * does. A revoked access token is answered {@code 401} on the Webex API; a revoked refresh token is refused with
     * {@code invalid_grant}. Tokens issued from a revoked one stay valid.
     *
     * @param token the access token or refresh token
     * @return true if it was a valid token of this server and is revoked now, false otherwise
     * @throws NullPointerException if {@code token} is null
     */
    public boolean revoke(String token) {
        Objects.requireNonNull(token, "token");
        if (refreshTokens.remove(token) != null) {
            return true;
        }
        AccessGrant grant = accessTokens.get(token);
        return grant != null && !grant.revoked() && accessTokens.replace(token, grant, grant.revoke());
    }

    /**
     * The grants served to one integration since it was first registered.
     *
     * @param clientId the integration's client id
     * @return its counters
     * @throws NullPointerException if {@code clientId} is null
     * @throws IllegalArgumentException if no integration has that client id
     */
    public GrantCounts grantCounts(String clientId) {
        Client client = clients.get(Objects.requireNonNull(clientId, "clientId"));
        if (client == null) {
            throw new IllegalArgumentException("no integration is registered with that client id");
        }
        return client.counts();
    }

    /** Whether {@code accessToken} is one this server issued and it has expired or been revoked. */
    boolean rejects(String accessToken) {
        AccessGrant grant = accessTokens.get(accessToken);
        return grant != null && (grant.revoked() || !clock.instant().isBefore(grant.expiresAt()));
    }

    /** The registered integration of {@code clientId}, for {@code /v1/authorize}, or null. */
    Integration integration(String clientId) {
        Client client = clients.get(clientId);
        return client == null ? null : client.integration;
    }

    /** Issues a one-time authorization code for a redirect URI and scopes that the caller has checked. */
    String authorize(String clientId, String redirectUri) {
        String code = newSecret();
        codes.put(code, new CodeGrant(clientId, redirectUri, clock.instant().plus(CODE_LIFETIME)));
        return code;
    }

    /** {@code grant_type=authorization_code}. */
    IssuedTokens exchangeCode(String clientId, String clientSecret, String code, String redirectUri) {
        Client client = authenticate(clientId, clientSecret);
        CodeGrant grant = codes.remove(code);
        if (grant == null || !grant.clientId().equals(clientId) || !clock.instant().isBefore(grant.expiresAt())) {
            throw client.refused(OAuthError.invalidGrant("The authorization code is invalid, expired or used."));
        }
        if (!grant.redirectUri().equals(redirectUri)) {
            throw client.refused(OAuthError.invalidGrant(
                    "redirect_uri does not match the one of the authorization request."));
        }
        client.codeGrants.incrementAndGet();
        return issue(client, null, null);
    }

    /** {@code grant_type=refresh_token}: with rotation, the used refresh token is invalid from now on. */
    IssuedTokens refresh(String clientId, String clientSecret, String refreshToken) {
        Client client = authenticate(clientId, clientSecret);
        Instant now = clock.instant();
        RefreshGrant grant = refreshTokens.get(refreshToken);
        boolean valid = grant != null && grant.clientId().equals(clientId) && now.isBefore(grant.expiresAt());
        // remove(key, value) lets exactly one of several concurrent refreshes with the same token through
        if (!valid || client.integration.rotatesRefreshTokens() && !refreshTokens.remove(refreshToken, grant)) {
            throw client.refused(OAuthError.invalidGrant(
                    "The refresh token provided is expired, revoked, malformed, or invalid."));
        }
        client.refreshGrants.incrementAndGet();
        return client.integration.rotatesRefreshTokens()
                ? issue(client, null, null)
                : issue(client, refreshToken, grant);
    }

    private Client authenticate(String clientId, String clientSecret) {
        Client client = clientId == null ? null : clients.get(clientId);
        if (client == null) {
            throw OAuthError.invalidClient();
        }
        byte[] expected = client.integration.clientSecret().getBytes(StandardCharsets.UTF_8);
        byte[] given = (clientSecret == null ? "" : clientSecret).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, given)) {
            throw client.refused(OAuthError.invalidClient());
        }
        return client;
    }

    /** A new access token acting as the integration's user, and a new refresh token or the kept one. */
    private IssuedTokens issue(Client client, String keptToken, RefreshGrant keptGrant) {
        Instant now = clock.instant();
        Integration integration = client.integration;
        String accessToken = newSecret();
        users.alias(accessToken, client.userToken);
        accessTokens.put(accessToken, new AccessGrant(now.plus(integration.accessTokenLifetime()), false));
        String refreshToken;
        Duration refreshLifetime;
        if (keptToken == null) {
            refreshToken = newSecret();
            refreshLifetime = integration.refreshTokenLifetime();
            refreshTokens.put(refreshToken, new RefreshGrant(integration.clientId(), now.plus(refreshLifetime)));
        } else {
            refreshToken = keptToken;
            // whole seconds, rounded down, so that a client never believes it valid longer than it is
            refreshLifetime = Duration.ofSeconds(Duration.between(now, keptGrant.expiresAt()).toSeconds());
        }
        return new IssuedTokens(accessToken, integration.accessTokenLifetime(), refreshToken, refreshLifetime);
    }

    /** 32 random bytes, base64url: visible ASCII, so an access token is also a valid simulator token. */
    private String newSecret() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A registered integration, the user its tokens act as, and its grant counters. */
    private static final class Client {
        final Integration integration;
        final String userToken;
        final AtomicLong codeGrants;
        final AtomicLong refreshGrants;
        final AtomicLong refusals;

        Client(Integration integration, String userToken) {
            this(integration, userToken, new AtomicLong(), new AtomicLong(), new AtomicLong());
        }

        private Client(Integration integration, String userToken, AtomicLong codeGrants, AtomicLong refreshGrants,
                AtomicLong refusals) {
            this.integration = integration;
            this.userToken = userToken;
            this.codeGrants = codeGrants;
            this.refreshGrants = refreshGrants;
            this.refusals = refusals;
        }

        Client keepCounts(Client old) {
            return new Client(integration, userToken, old.codeGrants, old.refreshGrants, old.refusals);
        }

        OAuthError refused(OAuthError error) {
            refusals.incrementAndGet();
            return error;
        }

        GrantCounts counts() {
            return new GrantCounts(codeGrants.get(), refreshGrants.get(), refusals.get());
        }
    }

    private record AccessGrant(Instant expiresAt, boolean revoked) {
        AccessGrant revoke() {
            return new AccessGrant(expiresAt, true);
        }
    }

    private record RefreshGrant(String clientId, Instant expiresAt) {
    }

    private record CodeGrant(String clientId, String redirectUri, Instant expiresAt) {
    }

    /** The scopes of an authorization request that the integration does not allow; empty when all are allowed. */
    static Set<String> disallowedScopes(Integration integration, Set<String> requested) {
        if (integration.scopes().isEmpty()) {
            return Set.of();
        }
        return requested.stream().filter(s -> !integration.scopes().contains(s))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
