package io.github.wxcsdk;

import io.github.wxcsdk.telephony.conference.MemberConferenceControlsApi;
import io.github.wxcsdk.testing.StubServer;
import io.github.wxcsdk.testing.StubServer.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * What the member views and the supervisor operations put on the wire: paths under {@code members/{memberId}} and
 * {@code members/me}, {@code ?orgId=} on every member request when given, no {@code lineOwnerId} anywhere, and ids
 * that stay one path segment or query value whatever they hold.
 */
class MemberWireTest {
    private static final String MEMBERS = "/v1/telephony/conference/members/";
    private static final String MEMBER = "Y2lzY29zcGFyazovL3VzL1BFT1BMRS9hZ2VudA";
    private static final String ORG = "Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi9vcmc=";

    @RegisterExtension
    final StubbedConference client = new StubbedConference();

    /** Each member operation with the path it must reach below {@code members/{memberId}}, method and body. */
    private static final Map<String, Expected> OPERATIONS = Map.ofEntries(
            Map.entry("start", new Expected("POST", "conference", "{\"callIds\":[\"c1\",\"c2\"]}",
                    member -> member.startConference(List.of("c1", "c2")))),
            Map.entry("startVarargs", new Expected("POST", "conference", "{\"callIds\":[\"c1\",\"c2\",\"c3\"]}",
                    member -> member.startConference("c1", "c2", "c3"))),
            Map.entry("add", new Expected("POST", "addParticipant", "{\"callId\":\"c3\"}",
                    member -> member.addParticipant("c3"))),
            Map.entry("muteHost", new Expected("POST", "mute", "{}", MemberConferenceControlsApi::mute)),
            Map.entry("mute", new Expected("POST", "mute", "{\"callId\":\"c2\"}", member -> member.mute("c2"))),
            Map.entry("unmuteHost", new Expected("POST", "unmute", "{}", MemberConferenceControlsApi::unmute)),
            Map.entry("unmute", new Expected("POST", "unmute", "{\"callId\":\"c2\"}",
                    member -> member.unmute("c2"))),
            Map.entry("deafen", new Expected("POST", "deafen", "{\"callId\":\"c2\"}",
                    member -> member.deafenParticipant("c2"))),
            Map.entry("undeafen", new Expected("POST", "undeafen", "{\"callId\":\"c2\"}",
                    member -> member.undeafenParticipant("c2"))),
            Map.entry("hold", new Expected("POST", "hold", "", MemberConferenceControlsApi::hold)),
            Map.entry("resume", new Expected("POST", "resume", "", MemberConferenceControlsApi::resume)),
            Map.entry("details", new Expected("GET", "conference", "",
                    MemberConferenceControlsApi::getConferenceDetails)),
            Map.entry("release", new Expected("DELETE", "conference", "",
                    MemberConferenceControlsApi::releaseConference)),
            Map.entry("bargeIn", new Expected("POST", "bargeIn", "", MemberConferenceControlsApi::bargeIn)),
            Map.entry("silentMonitor", new Expected("POST", "silentMonitor", "",
                    MemberConferenceControlsApi::silentMonitor)),
            Map.entry("supervisorCoach", new Expected("POST", "supervisorCoach", "",
                    MemberConferenceControlsApi::supervisorCoach)));

    private record Expected(String method, String path, String body, Consumer<MemberConferenceControlsApi> call) {
    }

    @Test
    void everyMemberOperationGoesToItsPathWithoutOrgId() {
        OPERATIONS.forEach((name, expected) -> {
            answerDetailsWhenAsked(expected);
            expected.call().accept(client.conference().forMember(MEMBER));
            RecordedRequest request = last();
            assertEquals(expected.method(), request.method(), name);
            assertEquals(MEMBERS + MEMBER + '/' + expected.path(), request.path(), name);
            assertNull(request.query(), name);
            assertEquals(expected.body(), request.body(), name);
        });
    }

    @Test
    void everyMemberOperationCarriesTheOrgIdAndNoLineOwner() {
        OPERATIONS.forEach((name, expected) -> {
            answerDetailsWhenAsked(expected);
            expected.call().accept(client.conference().forMember(MEMBER, ORG));
            RecordedRequest request = last();
            assertEquals(MEMBERS + MEMBER + '/' + expected.path(), request.path(), name);
            assertEquals(ORG, URLDecoder.decode(request.query().substring("orgId=".length()),
                    StandardCharsets.UTF_8), name);
            assertFalse(request.body().contains("lineOwnerId"), name);
        });
    }

    @Test
    void aLineOwnerViewsMemberViewSendsNoLineOwner() {
        client.conference().forLineOwner("owner").forMember(MEMBER).startConference("c1", "c2");
        assertEquals("{\"callIds\":[\"c1\",\"c2\"]}", last().body());
        assertNull(last().query());
    }

    @Test
    void idsStayOneSegmentAndOneQueryValue() {
        String memberId = "a/b?c#d%e f";
        String orgId = "o&p=q/r s";
        client.conference().forMember(memberId, orgId).hold();
        RecordedRequest request = last();
        assertEquals(MEMBERS + "a%2Fb%3Fc%23d%25e%20f/hold", request.path());
        assertEquals("orgId=o%26p%3Dq/r%20s", request.query());
        assertEquals(memberId, URLDecoder.decode(request.path().substring(MEMBERS.length(),
                request.path().length() - "/hold".length()), StandardCharsets.UTF_8));
    }

    @Test
    void supervisorOperationsOfTheUserGoToMembersMe() {
        client.conference().bargeIn();
        client.conference().silentMonitor();
        client.conference().supervisorCoach();
        client.conference().forLineOwner("owner").bargeIn();
        List<RecordedRequest> requests = client.stub().requests();
        assertEquals(List.of(MEMBERS + "me/bargeIn", MEMBERS + "me/silentMonitor", MEMBERS + "me/supervisorCoach",
                MEMBERS + "me/bargeIn"), requests.stream().map(RecordedRequest::path).toList());
        for (RecordedRequest request : requests) {
            assertEquals("POST", request.method());
            assertNull(request.query(), "members/me takes no lineOwnerId");
            assertEquals("", request.body());
        }
    }

    @Test
    void userLevelOperationsKeepTheirPaths() {
        client.conference().mute();
        client.conference().hold();
        assertEquals(List.of("/v1/telephony/conference/mute", "/v1/telephony/conference/hold"),
                client.stub().requests().stream().map(RecordedRequest::path).toList());
    }

    @Test
    void viewsSayWhatTheyActOn() {
        assertEquals("MemberConferenceControlsApi{memberId=m, orgId=o}",
                client.conference().forMember("m", "o").toString());
        assertEquals("ConferenceControlsApi{lineOwnerId=x}", client.conference().forLineOwner("x").toString());
        assertEquals("ConferenceControlsApi", client.conference().toString());
    }

    private void answerDetailsWhenAsked(Expected expected) {
        if (expected.method().equals("GET")) {
            client.stub().enqueue(StubServer.Answer.json("{}"));
        }
    }

    private RecordedRequest last() {
        List<RecordedRequest> requests = client.stub().requests();
        return requests.get(requests.size() - 1);
    }
}
