package io.github.wxcsdk.simulator;

/**
 * How many grants {@code POST /v1/access_token} served for one integration, for tests that check how often a client
 * refreshes (for example once per expiry, not once per thread).
 *
 * @param authorizationCode successful {@code grant_type=authorization_code} exchanges
 * @param refreshToken successful {@code grant_type=refresh_token} refreshes
 * @param refused token requests of this client refused ({@code invalid_grant}, {@code invalid_client}, ...)
 */
public record GrantCounts(long authorizationCode, long refreshToken, long refused) {
}
