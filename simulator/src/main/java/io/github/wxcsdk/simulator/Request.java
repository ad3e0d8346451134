package io.github.wxcsdk.simulator;

import java.util.Map;

/**
 * An authenticated request, as an {@link Operation} sees it.
 *
 * @param token the caller's access token
 * @param user the state of the user who owns the token
 * @param query the decoded query parameters (the first value of each)
 * @param body the raw request body, empty when there is none
 */
record Request(String token, UserState user, Map<String, String> query, byte[] body) {
}
