package io.github.wxcsdk.cli;

import io.github.wxcsdk.WebexSimpleApi;
import io.github.wxcsdk.simulator.Member;
import io.github.wxcsdk.simulator.MemberType;
import io.github.wxcsdk.simulator.Org;
import io.github.wxcsdk.simulator.Supervision;
import io.github.wxcsdk.simulator.WebexSimulator;
import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;
import io.github.wxcsdk.telephony.conference.ConferenceDetails;
import io.github.wxcsdk.telephony.conference.MemberConferenceControlsApi;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * {@code wxc-conference demo}: starts the embedded Webex simulator, creates three calls, and walks a conference
 * through every control, printing the conference as the library reports it after each step. Needs no Webex account.
 * With {@code --supervisor}: a Service App watches a supervisor silently monitor an agent's customer call, coach the
 * agent and barge in.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Walk a conference through every control on the embedded Webex simulator (no account needed).")
final class Demo implements Callable<Integer> {
    private static final String TOKEN = "demo-user-token";

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--supervisor", description = "Instead: a supervisor monitors, coaches and barges in on an agent's"
            + " customer call, all through a Service App token (members/{memberId} operations).")
    boolean supervisor;

    /** The inherited options that the demo ignores: it talks to its own simulator as its own user. */
    private static final List<String> IGNORED = List.of("--token", "--token-file", "--base-url", "--line-owner",
            "--member", "--org");

    /**
     * Takes the options the demo ignores off its command line, so that its help does not list them and giving one
     * is a usage error instead of silently having no effect.
     *
     * @param demo the demo's command line, with the options it inherited from {@code wxc-conference}
     */
    static void removeIgnoredOptions(CommandLine demo) {
        CommandLine.Model.CommandSpec spec = demo.getCommandSpec();
        for (String name : IGNORED) {
            spec.remove(spec.findOption(name));
        }
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (WebexSimulator simulator = WebexSimulator.start()) {
            out.println("Webex simulator serving " + simulator.baseUrl());
            if (supervisor) {
                supervisorScene(simulator, out);
            } else {
                conferenceScene(simulator, out);
            }
        }
        out.flush();
        return 0;
    }

    private static void conferenceScene(WebexSimulator simulator, PrintWriter out) {
        String first = simulator.createCall(TOKEN);
        String second = simulator.createCall(TOKEN);
        String third = simulator.createCall(TOKEN);
        out.println("The user has three active calls: " + first + ", " + second + ", " + third);
        ConferenceControlsApi conference = WebexSimpleApi.builder().accessToken(TOKEN)
                .baseUrl(simulator.baseUrl()).build().telephony().conference();

        Steps step = new Steps(out, conference::getConferenceDetails);
        step.run("startConference(" + first + ", " + second + ")", () -> conference.startConference(first, second));
        step.run("addParticipant(" + third + ")", () -> conference.addParticipant(third));
        step.run("mute(" + third + ")  -- a participant", () -> conference.mute(third));
        step.run("mute()  -- the host", conference::mute);
        step.run("deafenParticipant(" + second + ")", () -> conference.deafenParticipant(second));
        step.run("hold()", conference::hold);
        step.run("resume()", conference::resume);
        step.run("releaseConference()", conference::releaseConference);
    }

    private static void supervisorScene(WebexSimulator simulator, PrintWriter out) {
        Org org = simulator.createOrg();
        Member agent = simulator.createMember(org.id(), MemberType.PERSON);
        Member supervisorMember = simulator.createMember(org.id(), MemberType.PERSON);
        String customerCall = simulator.createMemberCall(agent.id());
        String serviceApp = simulator.createServiceAppToken(org.id());
        out.println("Org " + org.id() + ": agent " + agent.id() + " is on customer call " + customerCall
                + "; supervisor " + supervisorMember.id() + ".");
        out.println("A Service App of the org (spark-admin:calls_read, spark-admin:calls_write) does the rest.");
        MemberConferenceControlsApi supervisorView = WebexSimpleApi.builder().accessToken(serviceApp)
                .baseUrl(simulator.baseUrl()).build().telephony().conference()
                .forMember(supervisorMember.id(), org.id());

        Steps step = new Steps(out, supervisorView::getConferenceDetails);
        Supervision supervision = simulator.startSupervision(supervisorMember.id(), agent.id(), customerCall);
        step.show("the supervisor starts monitoring the agent's call (legs "
                + String.join(", ", supervision.supervisorCallIds()) + ")");
        step.run("supervisorCoach()  -- only the agent hears the supervisor", supervisorView::supervisorCoach);
        step.run("bargeIn()  -- the supervisor joins the call, heard by everyone", supervisorView::bargeIn);
        step.run("silentMonitor()  -- back to listening only", supervisorView::silentMonitor);
        step.run("releaseConference()  -- the supervisor leaves", supervisorView::releaseConference);
    }

    /** Runs one control at a time and prints the conference as {@code getConferenceDetails()} then reports it. */
    private static final class Steps {
        private final PrintWriter out;
        private final Supplier<Optional<ConferenceDetails>> details;
        private int number;

        Steps(PrintWriter out, Supplier<Optional<ConferenceDetails>> details) {
            this.out = out;
            this.details = details;
        }

        void run(String title, Runnable control) {
            control.run();
            show(title);
        }

        void show(String title) {
            out.printf("%n%d. %s%n", ++number, title);
            out.print(ConferenceTable.render(details.get()));
        }
    }
}
