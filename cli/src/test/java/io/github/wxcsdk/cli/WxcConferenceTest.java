package io.github.wxcsdk.cli;

import io.github.wxcsdk.simulator.Member;
import io.github.wxcsdk.simulator.MemberType;
import io.github.wxcsdk.simulator.Org;
import io.github.wxcsdk.simulator.WebexSimulator;
import io.github.wxcsdk.simulator.WebexSimulatorExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every subcommand of {@code wxc-conference} against the embedded simulator: output, errors and exit codes. */
@ExtendWith(WebexSimulatorExtension.class)
class WxcConferenceTest {
    private WebexSimulator simulator;
    private String token;
    private String first;
    private String second;
    private String third;

    @BeforeEach
    void createCalls(WebexSimulator simulator) {
        this.simulator = simulator;
        token = "cli-test-" + System.nanoTime();
        first = simulator.createCall(token);
        second = simulator.createCall(token);
        third = simulator.createCall(token);
    }

    @Test
    void everyControlReachesTheConference() {
        assertOk(run("start", first, second), "Conference started with 2 calls.");
        assertOk(run("add", third), "Added " + third + ".");
        assertOk(run("mute", third), "Muted " + third + ".");
        assertOk(run("mute"), "Host muted.");
        assertOk(run("deafen", second), "Deafened " + second + ".");
        assertOk(run("hold"), "Conference held.");

        Result details = run("details");
        assertEquals(0, details.exitCode(), details.err());
        assertTrue(details.out().contains("state: held   host muted: yes"), details.out());
        assertTrue(details.out().matches("(?s).*" + third + "\\s+yes\\s+no.*"), details.out());
        assertTrue(details.out().matches("(?s).*" + second + "\\s+no\\s+yes.*"), details.out());

        assertOk(run("resume"), "Conference resumed.");
        assertOk(run("unmute"), "Host unmuted.");
        assertOk(run("unmute", third), "Unmuted " + third + ".");
        assertOk(run("undeafen", second), "Undeafened " + second + ".");
        Result json = run("details", "--json");
        assertTrue(json.out().contains("\"state\" : \"connected\""), json.out());
        assertTrue(json.out().contains("\"callId\" : \"" + first + "\""), json.out());

        assertOk(run("release"), "Conference released.");
        assertOk(run("details"), "No active conference.");
        assertEquals("{ }", run("details", "--json").out().strip());
    }

    @Test
    void webexErrorsPrintTheMessageAndTrackingIdAndExitWithOne() {
        Result result = run("hold");
        assertEquals(FailureReporter.WEBEX_ERROR, result.exitCode());
        assertTrue(result.err().startsWith("Webex error 404: "), result.err());
        assertTrue(result.err().contains("trackingId: WXCJAVA_"), result.err());
        assertEquals("", result.out());
    }

    @Test
    void invalidArgumentsAndMissingTokenAreUsageErrors() {
        Result blank = run("add", " ");
        assertEquals(FailureReporter.USAGE, blank.exitCode());
        assertTrue(blank.err().contains("callId must not be blank"), blank.err());

        Result tooFew = run("start", first);
        assertEquals(FailureReporter.USAGE, tooFew.exitCode());

        Result noToken = runRaw("hold", "--token", " ", "--base-url", simulator.baseUrl());
        assertEquals(FailureReporter.USAGE, noToken.exitCode());
        assertTrue(noToken.err().contains("No access token"), noToken.err());
    }

    @Test
    void lineOwnerSelectsASeparateConference() {
        assertOk(run("start", first, second, "--line-owner", "owner-1"), "Conference started with 2 calls.");
        assertOk(run("details"), "No active conference.");
        Result owned = run("details", "--line-owner", "owner-1");
        assertTrue(owned.out().contains("state: connected"), owned.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "start", "add", "mute", "unmute", "deafen", "undeafen", "hold", "resume", "release",
            "details", "demo", "login", "barge-in", "silent-monitor", "coach"})
    void everyCommandHasHelp(String command) {
        Result help = runRaw(command.isEmpty() ? new String[] {"--help"} : new String[] {command, "--help"});
        assertEquals(0, help.exitCode());
        assertTrue(help.out().startsWith("Usage: wxc-conference"), help.out());
    }

    @Test
    void demoHelpListsNoOptionItIgnoresAndDemoRejectsThem() {
        Result help = runRaw("demo", "--help");
        for (String ignored : List.of("--token", "--token-file", "--base-url", "--line-owner")) {
            assertFalse(help.out().contains(ignored), ignored + " listed:\n" + help.out());
            Result given = runRaw("demo", ignored, "x");
            assertEquals(2, given.exitCode(), ignored + ": " + given.err());
            assertTrue(given.err().contains("Unknown option") && given.err().contains("'" + ignored + "'"),
                    given.err());
        }
        assertTrue(help.out().contains("--verbose"), help.out());
    }


    @Test
    void demoWalksAConferenceThroughEveryControl() {
        Result demo = runRaw("demo");
        assertEquals(0, demo.exitCode(), demo.err());
        String out = demo.out();
        List<String> steps = List.of("1. startConference(", "2. addParticipant(", "3. mute(", "4. mute()",
                "5. deafenParticipant(", "6. hold()", "7. resume()", "8. releaseConference()");
        int at = 0;
        for (String step : steps) {
            int next = out.indexOf(step, at);
            assertTrue(next > at, "step in order: " + step + "\n" + out);
            at = next;
        }
        assertTrue(out.contains("state: held   host muted: yes"), out);
        assertTrue(out.trim().endsWith("No active conference."), out);
    }

    @Test
    void memberActsOnAMembersConferenceThroughAServiceApp() {
        Org org = simulator.createOrg("cli-org-" + System.nanoTime());
        Member agent = simulator.createMember(org.id(), MemberType.WORKSPACE);
        String a = simulator.createMemberCall(agent.id());
        String b = simulator.createMemberCall(agent.id());
        token = simulator.createServiceAppToken(org.id());

        assertOk(run("start", a, b, "--member", agent.id()), "Conference started with 2 calls.");
        assertOk(run("mute", b, "--member", agent.id()), "Muted " + b + ".");
        assertOk(run("hold", "--member", agent.id()), "Conference held.");
        Result details = run("details", "--member", agent.id());
        assertTrue(details.out().contains("state: held"), details.out());
        assertTrue(details.out().matches("(?s).*" + b + "\\s+yes\\s+no.*"), details.out());
        assertOk(run("release", "--member", agent.id()), "Conference released.");
        assertOk(run("details", "--member", agent.id()), "No active conference.");
    }

    @Test
    void orgNamesTheManagedOrgOfTheMember() {
        Org partner = simulator.createOrg("cli-partner-" + System.nanoTime());
        Org customer = simulator.createManagedOrg("cli-customer-" + System.nanoTime(), partner.id());
        Member agent = simulator.createMember(customer.id(), MemberType.VIRTUAL_LINE);
        String a = simulator.createMemberCall(agent.id());
        String b = simulator.createMemberCall(agent.id());
        token = simulator.createServiceAppToken(partner.id());

        assertOk(run("start", a, b, "--member", agent.id(), "--org", customer.id()),
                "Conference started with 2 calls.");
        Result withoutOrg = run("details", "--member", agent.id());
        assertEquals(FailureReporter.WEBEX_ERROR, withoutOrg.exitCode());
        assertTrue(withoutOrg.err().startsWith("Webex error 404: Member not found."), withoutOrg.err());
    }

    @Test
    void supervisorCommandsSwitchTheSupervisorsConference() {
        Org org = simulator.createOrg("cli-sup-" + System.nanoTime());
        Member supervisor = simulator.createMember(org.id(), MemberType.PERSON);
        Member agent = simulator.createMember(org.id(), MemberType.PERSON);
        simulator.startSupervision(supervisor.id(), agent.id());
        String supervisorToken = simulator.createUserToken(supervisor.id());
        String serviceApp = simulator.createServiceAppToken(org.id());

        token = supervisorToken;
        assertTrue(run("details").out().contains("type: silentMonitoring"));
        assertOk(run("coach"), "Coaching.");
        assertTrue(run("details").out().contains("type: coaching"));
        assertOk(run("barge-in"), "Barged in.");
        assertTrue(run("details").out().contains("type: bargeIn"));
        token = serviceApp;
        assertOk(run("silent-monitor", "--member", supervisor.id()), "Monitoring silently.");
        assertTrue(run("details", "--member", supervisor.id()).out().contains("type: silentMonitoring"));
        assertOk(run("coach", "--member", supervisor.id()), "Coaching.");
        assertOk(run("barge-in", "--member", supervisor.id(), "--org", org.id()), "Barged in.");
        token = supervisorToken;
        assertTrue(run("details").out().contains("type: bargeIn"));
    }

    @Test
    void supervisorCommandsOnAStandardConferenceAreAWebexError() {
        assertOk(run("start", first, second), "Conference started with 2 calls.");

        Result coach = run("coach");

        assertEquals(FailureReporter.WEBEX_ERROR, coach.exitCode());
        assertTrue(coach.err().startsWith("Webex error 409: "), coach.err());
    }

    @Test
    void orgWithoutMemberAndMemberWithLineOwnerAreUsageErrors() {
        Result orgAlone = run("details", "--org", "o");
        assertEquals(FailureReporter.USAGE, orgAlone.exitCode());
        assertTrue(orgAlone.err().contains("--org needs --member"), orgAlone.err());

        Result both = run("details", "--member", "m", "--line-owner", "l");
        assertEquals(FailureReporter.USAGE, both.exitCode());
        assertTrue(both.err().contains("do not go together"), both.err());

        Result blank = run("details", "--member", " ");
        assertEquals(FailureReporter.USAGE, blank.exitCode());
    }

    @Test
    void demoSupervisorMonitorsCoachesAndBargesIn() {
        Result demo = runRaw("demo", "--supervisor");
        assertEquals(0, demo.exitCode(), demo.err());
        String out = demo.out();
        List<String> steps = List.of("1. the supervisor starts monitoring", "type: silentMonitoring",
                "2. supervisorCoach()", "type: coaching", "3. bargeIn()", "type: bargeIn", "4. silentMonitor()",
                "type: silentMonitoring", "5. releaseConference()", "No active conference.");
        int at = 0;
        for (String step : steps) {
            int next = out.indexOf(step, at);
            assertTrue(next >= at, "in order: " + step + "\n" + out);
            at = next + step.length();
        }
    }

    private Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--token", token, "--base-url", simulator.baseUrl()));
        return runRaw(all.toArray(String[]::new));
    }

    private static Result runRaw(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = WxcConference.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    private static void assertOk(Result result, String expected) {
        assertEquals(0, result.exitCode(), result.err());
        assertEquals(expected, result.out().strip());
    }

    private record Result(int exitCode, String out, String err) {
    }
}
