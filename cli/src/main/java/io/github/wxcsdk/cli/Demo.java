package io.github.wxcsdk.cli;

import io.github.wxcsdk.WebexSimpleApi;
import io.github.wxcsdk.simulator.WebexSimulator;
import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * {@code wxc-conference demo}: starts the embedded Webex simulator, creates three calls, and walks a conference
 * through every control, printing the conference as the library reports it after each step. Needs no Webex account.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Walk a conference through every control on the embedded Webex simulator (no account needed).")
final class Demo implements Callable<Integer> {
    private static final String TOKEN = "demo-user-token";

    @Spec
    CommandLine.Model.CommandSpec spec;

    /** The inherited options that the demo ignores: it talks to its own simulator as its own user. */
    private static final List<String> IGNORED = List.of("--token", "--token-file", "--base-url", "--line-owner");

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
            String first = simulator.createCall(TOKEN);
            String second = simulator.createCall(TOKEN);
            String third = simulator.createCall(TOKEN);
            out.println("The user has three active calls: " + first + ", " + second + ", " + third);
            ConferenceControlsApi conference = WebexSimpleApi.builder().accessToken(TOKEN)
                    .baseUrl(simulator.baseUrl()).build().telephony().conference();

            Step step = new Step(out, conference);
            step.run("startConference(" + first + ", " + second + ")", c -> c.startConference(first, second));
            step.run("addParticipant(" + third + ")", c -> c.addParticipant(third));
            step.run("mute(" + third + ")  -- a participant", c -> c.mute(third));
            step.run("mute()  -- the host", ConferenceControlsApi::mute);
            step.run("deafenParticipant(" + second + ")", c -> c.deafenParticipant(second));
            step.run("hold()", ConferenceControlsApi::hold);
            step.run("resume()", ConferenceControlsApi::resume);
            step.run("releaseConference()", ConferenceControlsApi::releaseConference);
        }
        out.flush();
        return 0;
    }

    /** Runs one control and prints the conference as {@code getConferenceDetails()} then reports it. */
    private static final class Step {
        private final PrintWriter out;
        private final ConferenceControlsApi conference;
        private int number;

        Step(PrintWriter out, ConferenceControlsApi conference) {
            this.out = out;
            this.conference = conference;
        }

        void run(String title, Consumer<ConferenceControlsApi> control) {
            control.accept(conference);
            out.printf("%n%d. %s%n", ++number, title);
            out.print(ConferenceTable.render(conference.getConferenceDetails()));
        }
    }
}
