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
 *   <tr><td>{@value #USER_SUPERVISOR_MONITORING}</td><td>the user is member {@value #SUPERVISOR}, silently monitoring
 *       a call of member {@value #AGENT} of the same org: the user has a conference of type
 *       {@code silentMonitoring}</td></tr>
 *   <tr><td>{@value #USER_SUPERVISOR_COACHING}</td><td>as {@value #USER_SUPERVISOR_MONITORING}, switched to
 *       coaching: the conference is of type {@code coaching}</td></tr>
 * </table>
 *
 * <p>The member views ({@code forMember}) are used by a Service App, whose token acts on members of an org. Their
 * interactions have two states, set up in this order: who the token belongs to, and what exists for the member.
 * <table>
 *   <caption>Provider states of the member views: the token</caption>
 *   <tr><th>state</th><th>what the provider sets up</th></tr>
 *   <tr><td>{@value #SERVICE_APP_OF_MEMBERS_ORG}</td><td>persons {@value #AGENT} and {@value #SUPERVISOR} in an org,
 *       and the access token of a Service App of that org with {@code spark-admin:calls_read} and
 *       {@code spark-admin:calls_write} (requests name no org)</td></tr>
 *   <tr><td>{@value #SERVICE_APP_OF_PARTNER_ORG}</td><td>persons {@value #AGENT} and {@value #SUPERVISOR} in org
 *       {@value #CUSTOMER_ORG}, which a partner org manages, and the access token of a Service App of the partner
 *       org with both scopes (requests name {@value #CUSTOMER_ORG} in {@code orgId})</td></tr>
 *   <tr><td>{@value #READ_ONLY_SERVICE_APP}</td><td>as {@value #SERVICE_APP_OF_MEMBERS_ORG}, but the Service App has
 *       only {@code spark-admin:calls_read} (one state alone)</td></tr>
 * </table>
 * <table>
 *   <caption>Provider states of the member views: the member</caption>
 *   <tr><th>state</th><th>what the provider sets up</th></tr>
 *   <tr><td>{@value #MEMBER_CALLS_C1_C2}</td><td>calls {@value #C1} and {@value #C2} of {@value #AGENT}, no
 *       conference</td></tr>
 *   <tr><td>{@value #MEMBER_CONFERENCE}</td><td>a connected conference of {@value #C1} and {@value #C2} of
 *       {@value #AGENT}, nobody muted or deafened</td></tr>
 *   <tr><td>{@value #MEMBER_CONFERENCE_AND_CALL_C3}</td><td>as {@value #MEMBER_CONFERENCE}, plus a call {@value #C3}
 *       of {@value #AGENT} outside the conference</td></tr>
 *   <tr><td>{@value #MEMBER_HELD_CONFERENCE}</td><td>as {@value #MEMBER_CONFERENCE}, held</td></tr>
 *   <tr><td>{@value #SUPERVISOR_MONITORING}</td><td>{@value #SUPERVISOR} silently monitoring a call of
 *       {@value #AGENT}: {@value #SUPERVISOR} has a conference of type {@code silentMonitoring}</td></tr>
 *   <tr><td>{@value #SUPERVISOR_COACHING}</td><td>as {@value #SUPERVISOR_MONITORING}, switched to coaching: type
 *       {@code coaching}</td></tr>
 *   <tr><td>{@value #NO_SUCH_MEMBER}</td><td>nothing: {@value #UNKNOWN_MEMBER} is no member</td></tr>
 *   <tr><td>{@value #ORG_NOT_MANAGED}</td><td>an org {@value #OTHER_ORG} that the Service App's org does not
 *       manage</td></tr>
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
    /** An agent, the member whose conference the member views control (a person id, as Webex gives it). */
    static final String AGENT = "Y2lzY29zcGFyazovL3VzL1BFT1BMRS9hZ2VudC0x";
    /** A supervisor of {@link #AGENT}, in the same org. */
    static final String SUPERVISOR = "Y2lzY29zcGFyazovL3VzL1BFT1BMRS9zdXBlcnZpc29yLTE";
    /** A person id that is no member of any org. */
    static final String UNKNOWN_MEMBER = "Y2lzY29zcGFyazovL3VzL1BFT1BMRS91bmtub3duLW1lbWJlcg";
    /** The org of {@link #AGENT}, managed by a partner; Webex's org ids often end in {@code =}. */
    static final String CUSTOMER_ORG = "Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi9jdXN0b21lcg==";
    /** An org that the Service App's org does not manage. */
    static final String OTHER_ORG = "Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi9vdGhlci1vcmc=";

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

    static final String USER_SUPERVISOR_MONITORING =
            "the user is member " + SUPERVISOR + ", silently monitoring a call of member " + AGENT;
    static final String USER_SUPERVISOR_COACHING =
            "the user is member " + SUPERVISOR + ", coaching member " + AGENT + " on a call";

    private static final String BOTH_ADMIN_SCOPES = "spark-admin:calls_read and spark-admin:calls_write";
    static final String SERVICE_APP_OF_MEMBERS_ORG = "members " + AGENT + " and " + SUPERVISOR
            + " are persons of the org of the Service App whose access token has " + BOTH_ADMIN_SCOPES;
    static final String SERVICE_APP_OF_PARTNER_ORG = "members " + AGENT + " and " + SUPERVISOR + " are persons of org "
            + CUSTOMER_ORG + ", managed by the org of the Service App whose access token has " + BOTH_ADMIN_SCOPES;
    static final String READ_ONLY_SERVICE_APP = "member " + AGENT + " is a person of the org of the Service App whose"
            + " access token has spark-admin:calls_read only";
    static final String MEMBER_CALLS_C1_C2 = "member " + AGENT + " has active calls c1 and c2";
    static final String MEMBER_CONFERENCE = "a conference with participants c1 and c2 of member " + AGENT
            + " is active";
    static final String MEMBER_CONFERENCE_AND_CALL_C3 = MEMBER_CONFERENCE + " and the member has another active call"
            + " c3";
    static final String MEMBER_HELD_CONFERENCE = "a conference with participants c1 and c2 of member " + AGENT
            + " is held";
    static final String SUPERVISOR_MONITORING = "member " + SUPERVISOR + " is silently monitoring a call of member "
            + AGENT;
    static final String SUPERVISOR_COACHING = "member " + SUPERVISOR + " is coaching member " + AGENT + " on a call";
    static final String NO_SUCH_MEMBER = UNKNOWN_MEMBER + " is no member";
    static final String ORG_NOT_MANAGED = "org " + OTHER_ORG + " is not managed by the org of the Service App";

    private ProviderStates() {
    }
}
