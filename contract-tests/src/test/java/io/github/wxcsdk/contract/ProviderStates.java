package io.github.wxcsdk.contract;

/**
 * The provider states of the contract and the ids they use: the complete list a provider must be able to set up to
 * verify the pact (for instance with one {@code @State} method per constant, against the Webex simulator).
 *
 * <p>Each state names what exists on the provider before the request, for the user who owns the access token:
 * <table>
 *   <caption>Provider states</caption>
 *   <tr><th>state</th><th>what the provider sets up</th></tr>
 *   <tr><td>{@value #CALLS_C1_C2}</td><td>calls {@value #C1} and {@value #C2}, no conference</td></tr>
 *   <tr><td>{@value #CALLS_C1_C2_C3}</td><td>calls {@value #C1}, {@value #C2} and {@value #C3}, no conference</td></tr>
 *   <tr><td>{@value #CONFERENCE}</td><td>a connected conference of {@value #C1} and {@value #C2}, nobody muted or
 *       deafened</td></tr>
 *   <tr><td>{@value #CONFERENCE_AND_CALL_C3}</td><td>as {@value #CONFERENCE}, plus a call {@value #C3} outside the
 *       conference</td></tr>
 *   <tr><td>{@value #HELD_CONFERENCE}</td><td>as {@value #CONFERENCE}, held by the user</td></tr>
 *   <tr><td>{@value #CONFERENCE_WITH_UNKNOWN_VALUES}</td><td>as {@value #CONFERENCE}, but the answer of GET carries a
 *       {@code type} value and a field that this client does not know (Webex adds both without notice)</td></tr>
 *   <tr><td>{@value #NO_CONFERENCE}</td><td>no conference</td></tr>
 *   <tr><td>{@value #LINE_OWNER_CALLS_C1_C2}</td><td>calls {@value #C1} and {@value #C2} on the secondary line of
 *       {@value #LINE_OWNER}, on a device of the user</td></tr>
 *   <tr><td>{@value #LINE_OWNER_CONFERENCE}</td><td>a connected conference of {@value #C1} and {@value #C2} on that
 *       line</td></tr>
 *   <tr><td>{@value #LINE_OWNER_CONFERENCE_AND_CALL_C3}</td><td>as {@value #LINE_OWNER_CONFERENCE}, plus a call
 *       {@value #C3} on that line</td></tr>
 *   <tr><td>{@value #LINE_OWNER_HELD_CONFERENCE}</td><td>as {@value #LINE_OWNER_CONFERENCE}, held</td></tr>
 *   <tr><td>{@value #TOKEN_NOT_VALID}</td><td>the provider rejects the access token (expired or revoked)</td></tr>
 *   <tr><td>{@value #TOKEN_WITHOUT_CALLS_WRITE}</td><td>the access token is valid but lacks the scope
 *       {@code spark:calls_write}, and a conference as in {@value #CONFERENCE}</td></tr>
 *   <tr><td>{@value #RATE_LIMIT_EXCEEDED}</td><td>as {@value #CONFERENCE}, and the user's next request is refused
 *       with 429 and {@code Retry-After: 1}</td></tr>
 * </table>
 */
final class ProviderStates {
    /** The first call of the user. */
    static final String C1 = "c1";
    /** The second call of the user. */
    static final String C2 = "c2";
    /** A third call of the user, the one added to a conference. */
    static final String C3 = "c3";
    /** The owner of a secondary line on the user's device (a person id, as Webex gives it). */
    static final String LINE_OWNER = "Y2lzY29zcGFyazovL3VzL1BFT1BMRS9saW5lLW93bmVyLTE";

    static final String CALLS_C1_C2 = "user has active calls c1 and c2";
    static final String CALLS_C1_C2_C3 = "user has active calls c1, c2 and c3";
    static final String CONFERENCE = "a conference with participants c1 and c2 is active";
    static final String CONFERENCE_AND_CALL_C3 =
            "a conference with participants c1 and c2 is active and the user has another active call c3";
    static final String HELD_CONFERENCE = "a conference with participants c1 and c2 is held by the user";
    static final String CONFERENCE_WITH_UNKNOWN_VALUES =
            "a conference with participants c1 and c2 is active and is reported with a type and a field this client"
                    + " does not know";
    static final String NO_CONFERENCE = "no conference is active";
    static final String LINE_OWNER_CALLS_C1_C2 = "line owner " + LINE_OWNER + " has active calls c1 and c2";
    static final String LINE_OWNER_CONFERENCE =
            "a conference with participants c1 and c2 is active on the line of line owner " + LINE_OWNER;
    static final String LINE_OWNER_CONFERENCE_AND_CALL_C3 = LINE_OWNER_CONFERENCE
            + " and that line has another active call c3";
    static final String LINE_OWNER_HELD_CONFERENCE =
            "a conference with participants c1 and c2 is held on the line of line owner " + LINE_OWNER;
    static final String TOKEN_NOT_VALID = "the access token is not valid";
    static final String TOKEN_WITHOUT_CALLS_WRITE =
            "a conference with participants c1 and c2 is active and the access token lacks scope spark:calls_write";
    static final String RATE_LIMIT_EXCEEDED =
            "a conference with participants c1 and c2 is active and the user's next request exceeds the rate limit";

    private ProviderStates() {
    }
}
