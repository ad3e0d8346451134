package io.github.wxcsdk.contract;

import au.com.dius.pact.consumer.dsl.DslPart;
import au.com.dius.pact.consumer.dsl.LambdaDsl;
import au.com.dius.pact.consumer.dsl.LambdaDslObject;
import au.com.dius.pact.consumer.dsl.PactDslRequestWithPath;
import au.com.dius.pact.consumer.dsl.PactDslResponse;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.dsl.PactDslWithState;
import au.com.dius.pact.core.model.V4Pact;

import java.util.function.Consumer;

/**
 * The vocabulary every interaction shares, so that each consumer test states only what is particular to it.
 *
 * <p>What is pinned exactly, because the provider acts on it: methods, paths (member ids included), the queries
 * ({@code lineOwnerId}, {@code orgId}; a request without one has none, and Pact's mock server rejects any query it
 * does not expect), request bodies (keys and values, {@code {}} for the host), {@code Content-Type:
 * application/json} of a request with a body, {@code Accept}, and status codes. What is matched by pattern or type, because no value is promised: the token
 * ({@code Bearer .+}), the {@code TrackingID} (a fresh {@code WXCJAVA_<uuid>} per call), and the fields of every
 * response body. Enum-like response fields are matched by type only: Webex adds values without notice and the client
 * accepts them, so a regex of today's values would fail a correct provider.
 *
 * <p>Bodies, empty and missing being different things: the host's mute and unmute send exactly {@code {}} (the mock
 * server rejects anything else, {@code {"callId":null}} included); a request without a body (GET, DELETE, hold,
 * resume) has none in the pact, so a provider is verified without one, and the spec gate rejects a body there. (Pact's
 * mock server cannot reject a body where the pact has none; the façade's own wire tests pin that none is sent.) A 204
 * answer has no body; {@code {}} is the body of "no conference".
 */
final class ConferenceContract {
    static final String CONSUMER = "wxc-sdk-java-conference";
    static final String PROVIDER = "webex-calling-conference-controls";

    /** The path of the API root, as in the spec's server {@code https://webexapis.com/v1}. */
    static final String API_ROOT = "/v1";
    static final String CONFERENCE = API_ROOT + "/telephony/conference";
    static final String ADD_PARTICIPANT = CONFERENCE + "/addParticipant";
    static final String MUTE = CONFERENCE + "/mute";
    static final String UNMUTE = CONFERENCE + "/unmute";
    static final String DEAFEN = CONFERENCE + "/deafen";
    static final String UNDEAFEN = CONFERENCE + "/undeafen";
    static final String HOLD = CONFERENCE + "/hold";
    static final String RESUME = CONFERENCE + "/resume";
    /** The supervisor operations of the token's user ({@code bargeIn}, ...) are below this path. */
    static final String MY = CONFERENCE + "/members/me";

    /** The access token the consumer tests use; the pact records it only as the example of {@code Bearer .+}. */
    static final String TOKEN = "contract-test-token";
    /** The example start time of every conference in the contract. */
    static final String CREATED_EXAMPLE = "2023-03-02T15:00:00.000Z";

    private static final String JSON = "application/json";
    private static final String TRACKING_ID_PATTERN =
            "WXCJAVA_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final String TRACKING_ID_EXAMPLE = "WXCJAVA_0f8fad5b-d9cb-469f-a165-70867728950e";
    /** ISO 8601 with an offset, what the client parses {@code created} with; fractions of a second optional. */
    private static final String DATE_TIME_PATTERN =
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})";

    private ConferenceContract() {
    }

    /**
     * A request with the headers every call carries and no body.
     *
     * @param builder     the pact being built
     * @param state       the provider state, one of {@link ProviderStates}
     * @param description what the consumer does, unique in the pact
     * @param method      the HTTP method
     * @param path        the path, starting with {@link #API_ROOT}
     * @return the request, to add a query or body to
     */
    static PactDslRequestWithPath request(PactDslWithProvider builder, String state, String description,
                                          String method, String path) {
        return request(builder.given(state), description, method, path);
    }

    /**
     * A request under one or more provider states, set up in the order given, with the headers every call carries
     * and no body.
     *
     * @param given       the pact being built, with its states ({@code builder.given(a).given(b)})
     * @param description what the consumer does, unique in the pact
     * @param method      the HTTP method
     * @param path        the path, starting with {@link #API_ROOT}
     * @return the request, to add a query or body to
     */
    static PactDslRequestWithPath request(PactDslWithState given, String description, String method, String path) {
        return given
                .uponReceiving(description)
                .method(method)
                .path(path)
                .matchHeader("Authorization", "Bearer .+", "Bearer " + TOKEN)
                .matchHeader("TrackingID", TRACKING_ID_PATTERN, TRACKING_ID_EXAMPLE)
                .headers("Accept", JSON);
    }

    /**
     * A POST with an exact JSON body and {@code Content-Type: application/json}.
     *
     * @param json the body exactly as the client sends it
     * @return the request
     * @see #request(PactDslWithProvider, String, String, String, String)
     */
    static PactDslRequestWithPath jsonPost(PactDslWithProvider builder, String state, String description, String path,
                                           String json) {
        return request(builder, state, description, "POST", path).body(json, JSON);
    }

    /**
     * The same POST with an exact JSON body, under the states of {@code given}.
     *
     * @see #request(PactDslWithState, String, String, String)
     */
    static PactDslRequestWithPath jsonPost(PactDslWithState given, String description, String path, String json) {
        return request(given, description, "POST", path).body(json, JSON);
    }

    /**
     * The path of a member's operation: {@code members/{memberId}} below {@link #CONFERENCE}.
     *
     * @param memberId  the member's id, which the examples keep free of characters that need encoding in a path
     * @param operation the last segment, for instance {@code hold} or {@code conference}
     * @return the path
     */
    static String memberPath(String memberId, String operation) {
        return CONFERENCE + "/members/" + memberId + "/" + operation;
    }

    /**
     * The same request in the org {@code orgId}, named in the query.
     *
     * @param request a request without a query
     * @param orgId   the org, exactly as the provider must receive it ({@code =} included)
     * @return the request with {@code orgId}
     */
    static PactDslRequestWithPath inOrg(PactDslRequestWithPath request, String orgId) {
        // Pact splits each pair at its first '=' and keeps the value as written: the pact holds the decoded value
        return request.query("orgId=" + orgId);
    }

    /**
     * The same request on the secondary line of {@link ProviderStates#LINE_OWNER}, named in the query.
     *
     * @param request a request without a query
     * @return the request with {@code lineOwnerId}
     */
    static PactDslRequestWithPath onLineOwnerLine(PactDslRequestWithPath request) {
        return request.query("lineOwnerId=" + ProviderStates.LINE_OWNER);
    }

    /**
     * Success without content: 204 and no body.
     *
     * @param request the request
     * @return the pact of this one interaction
     */
    static V4Pact noContent(PactDslRequestWithPath request) {
        return request.willRespondWith().status(204).toPact(V4Pact.class);
    }

    /**
     * Success with a JSON body.
     *
     * @param request the request
     * @param body    the body with its matchers
     * @return the pact of this one interaction
     */
    static V4Pact ok(PactDslRequestWithPath request, DslPart body) {
        return jsonAnswer(request, 200).body(body).toPact(V4Pact.class);
    }

    /**
     * A connected conference of participants {@link ProviderStates#C1} and {@link ProviderStates#C2}, every field
     * matched by type ({@code created} by its ISO 8601 form).
     *
     * @return the body
     */
    static DslPart connectedConference() {
        return connectedConference(conference -> { });
    }

    /**
     * A connected conference with further fields.
     *
     * @param moreFields adds fields to the body
     * @return the body
     * @see #connectedConference()
     */
    static DslPart connectedConference(Consumer<LambdaDslObject> moreFields) {
        return LambdaDsl.newJsonBody(conference -> {
            conference.stringType("state", "connected");
            conference.integerType("appearance", 3);
            conference.stringMatcher("created", DATE_TIME_PATTERN, CREATED_EXAMPLE);
            conference.booleanType("muted", false);
            conference.array("participants", participants -> {
                participants.object(participant -> participant(participant, ProviderStates.C1));
                participants.object(participant -> participant(participant, ProviderStates.C2));
            });
            moreFields.accept(conference);
        }).build();
    }

    private static void participant(LambdaDslObject participant, String callId) {
        participant.stringType("callId", callId);
        participant.booleanType("muted", false);
        participant.booleanType("deafened", false);
    }

    /**
     * An answer with a JSON body, whatever its parameters ({@code charset}).
     *
     * @param request the request
     * @param status  the HTTP status
     * @return the answer, to add the body to
     */
    static PactDslResponse jsonAnswer(PactDslRequestWithPath request, int status) {
        return request.willRespondWith()
                .status(status)
                .matchHeader("Content-Type", "application/json(;.*)?", JSON);
    }
}
