package io.github.wxcsdk.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The conference-control operations under {@code /v1/telephony/conference}. Each is written once and served on up to
 * three paths: user-level ({@code /telephony/conference/mute}), the caller's own member
 * ({@code /telephony/conference/members/me/mute}) and any member ({@code /telephony/conference/members/{memberId}/mute}
 * with an optional {@code ?orgId=}); the route's {@link Route.Target} says whose conferences it acts on.
 */
final class ConferenceOperations {
    static final String PATH = WebexSimulator.API_PREFIX + "/telephony/conference";
    static final String OWN_MEMBER_PATH = PATH + "/members/me";
    static final String MEMBER_PATH = PATH + "/members/{" + Access.MEMBER_ID + "}";
    static final String ADMIN_READ = "spark-admin:calls_read";
    static final String ADMIN_WRITE = "spark-admin:calls_write";

    /** ISO 8601 in UTC, always with milliseconds, as Webex writes {@code created}. */
    private static final DateTimeFormatter CREATED =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /**
     * One operation and where it is served.
     *
     * @param userPath   the path after {@link #PATH} at user level, or {@code null} for a supervisor operation, which
     *                   exists for members only
     * @param memberPath the path after {@code members/me} and {@code members/{memberId}}
     */
    private record Control(String method, String userPath, String memberPath, Operation operation) {
        String adminScope() {
            return method.equals("GET") ? ADMIN_READ : ADMIN_WRITE;
        }
    }

    private static final List<Control> CONTROLS = List.of(
            new Control("POST", "", "/conference", ConferenceOperations::start),
            new Control("DELETE", "", "/conference", ConferenceOperations::release),
            new Control("GET", "", "/conference", ConferenceOperations::details),
            new Control("POST", "/addParticipant", "/addParticipant", ConferenceOperations::addParticipant),
            new Control("POST", "/deafen", "/deafen", request -> setDeafened(request, true)),
            new Control("POST", "/undeafen", "/undeafen", request -> setDeafened(request, false)),
            new Control("POST", "/hold", "/hold", request -> setHeld(request, true)),
            new Control("POST", "/resume", "/resume", request -> setHeld(request, false)),
            new Control("POST", "/mute", "/mute", request -> setMuted(request, true)),
            new Control("POST", "/unmute", "/unmute", request -> setMuted(request, false)),
            new Control("POST", null, "/bargeIn", request -> supervise(request, ConferenceType.BARGE_IN)),
            new Control("POST", null, "/silentMonitor",
                    request -> supervise(request, ConferenceType.SILENT_MONITORING)),
            new Control("POST", null, "/supervisorCoach", request -> supervise(request, ConferenceType.COACHING)));

    private ConferenceOperations() {
    }

    static List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (Control control : CONTROLS) {
            if (control.userPath() != null) {
                routes.add(Route.conference(control.method(), PATH + control.userPath(), Route.Target.OWN_MEMBER,
                        null, control.operation()));
            }
            routes.add(Route.conference(control.method(), OWN_MEMBER_PATH + control.memberPath(),
                    Route.Target.OWN_MEMBER, null, control.operation()));
            routes.add(Route.conference(control.method(), MEMBER_PATH + control.memberPath(),
                    Route.Target.PATH_MEMBER, control.adminScope(), control.operation()));
        }
        return routes;
    }

    private static Reply start(Request request) {
        ObjectNode body = RequestFields.requiredBody(request);
        List<String> callIds = RequestFields.callIds(body);
        request.member().startConference(RequestFields.lineOwnerId(request, body), callIds);
        return Reply.noContent();
    }

    private static Reply release(Request request) {
        request.member().release(RequestFields.lineOwnerId(request));
        return Reply.noContent();
    }

    private static Reply details(Request request) {
        ObjectNode details = request.member().conference(RequestFields.lineOwnerId(request))
                .map(ConferenceOperations::render)
                .orElseGet(Json::object);
        return Reply.json(200, details);
    }

    private static Reply addParticipant(Request request) {
        ObjectNode body = RequestFields.requiredBody(request);
        String callId = RequestFields.requiredCallId(body);
        request.member().addParticipant(RequestFields.lineOwnerId(request, body), callId);
        return Reply.noContent();
    }

    private static Reply setDeafened(Request request, boolean deafened) {
        String callId = RequestFields.requiredCallId(RequestFields.requiredBody(request));
        request.member().updateParticipant(callId, p -> p.withDeafened(deafened));
        return Reply.noContent();
    }

    private static Reply setHeld(Request request, boolean held) {
        request.member().setHeld(RequestFields.lineOwnerId(request), held);
        return Reply.noContent();
    }

    /** Without a callId (no body, {@code {}} or {@code {"callId": null}}) the host is muted. */
    private static Reply setMuted(Request request, boolean muted) {
        RequestFields.optionalCallId(RequestFields.optionalBody(request)).ifPresentOrElse(
                callId -> request.member().updateParticipant(callId, p -> p.withMuted(muted)),
                () -> request.member().setHostMuted(muted));
        return Reply.noContent();
    }

    /**
     * Switches a supervisor's conference between barge-in, silent monitoring and coaching. A standard conference has
     * no agent being supervised, so there is nothing to barge into or coach on: 409, the conference stays as it is.
     */
    private static Reply supervise(Request request, ConferenceType mode) {
        request.member().setSupervisionMode(mode);
        return Reply.noContent();
    }

    private static ObjectNode render(Conference conference) {
        ObjectNode details = Json.object()
                .put("state", conference.held() ? "held" : "connected")
                .put("appearance", conference.appearance())
                .put("created", CREATED.format(conference.created()))
                .put("muted", conference.hostMuted());
        conference.supervisionMode().ifPresent(type -> details.put("type", type.wireName()));
        ArrayNode participants = details.putArray("participants");
        conference.participants().forEach(p -> participants.addObject()
                .put("callId", p.callId())
                .put("muted", p.muted())
                .put("deafened", p.deafened()));
        return details;
    }
}
