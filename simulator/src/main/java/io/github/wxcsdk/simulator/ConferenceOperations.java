package io.github.wxcsdk.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The ten conference-control operations of the spec, under {@code /v1/telephony/conference}. */
final class ConferenceOperations {
    static final String PATH = WebexSimulator.API_PREFIX + "/telephony/conference";

    /** ISO 8601 in UTC, always with milliseconds, as Webex writes {@code created}. */
    private static final DateTimeFormatter CREATED =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private ConferenceOperations() {
    }

    static List<Route> routes() {
        return List.of(
                route("POST", "", ConferenceOperations::start),
                route("DELETE", "", ConferenceOperations::release),
                route("GET", "", ConferenceOperations::details),
                route("POST", "/addParticipant", ConferenceOperations::addParticipant),
                route("POST", "/deafen", request -> setDeafened(request, true)),
                route("POST", "/undeafen", request -> setDeafened(request, false)),
                route("POST", "/hold", request -> setHeld(request, true)),
                route("POST", "/resume", request -> setHeld(request, false)),
                route("POST", "/mute", request -> setMuted(request, true)),
                route("POST", "/unmute", request -> setMuted(request, false)));
    }

    private static Route route(String method, String subPath, Operation operation) {
        return new Route(method, PATH + subPath, true, operation);
    }

    private static Reply start(Request request) {
        ObjectNode body = RequestFields.requiredBody(request);
        List<String> callIds = RequestFields.callIds(body);
        request.user().startConference(RequestFields.lineOwnerId(body), callIds);
        return Reply.noContent();
    }

    private static Reply release(Request request) {
        request.user().release(RequestFields.lineOwnerId(request.query()));
        return Reply.noContent();
    }

    private static Reply details(Request request) {
        ObjectNode details = request.user().conference(RequestFields.lineOwnerId(request.query()))
                .map(ConferenceOperations::render)
                .orElseGet(Json::object);
        return Reply.json(200, details);
    }

    private static Reply addParticipant(Request request) {
        ObjectNode body = RequestFields.requiredBody(request);
        String callId = RequestFields.requiredCallId(body);
        request.user().addParticipant(RequestFields.lineOwnerId(body), callId);
        return Reply.noContent();
    }

    private static Reply setDeafened(Request request, boolean deafened) {
        String callId = RequestFields.requiredCallId(RequestFields.requiredBody(request));
        request.user().updateParticipant(callId, p -> p.withDeafened(deafened));
        return Reply.noContent();
    }

    private static Reply setHeld(Request request, boolean held) {
        request.user().setHeld(RequestFields.lineOwnerId(request.query()), held);
        return Reply.noContent();
    }

    /** Without a callId (no body, {@code {}} or {@code {"callId": null}}) the host is muted. */
    private static Reply setMuted(Request request, boolean muted) {
        RequestFields.optionalCallId(RequestFields.optionalBody(request)).ifPresentOrElse(
                callId -> request.user().updateParticipant(callId, p -> p.withMuted(muted)),
                () -> request.user().setHostMuted(muted));
        return Reply.noContent();
    }

    private static ObjectNode render(Conference conference) {
        ObjectNode details = Json.object()
                .put("state", conference.held() ? "held" : "connected")
                .put("appearance", conference.appearance())
                .put("created", CREATED.format(conference.created()))
                .put("muted", conference.hostMuted());
        ArrayNode participants = details.putArray("participants");
        conference.participants().forEach(p -> participants.addObject()
                .put("callId", p.callId())
                .put("muted", p.muted())
                .put("deafened", p.deafened()));
        return details;
    }
}
