package io.github.wxcsdk;

import io.github.wxcsdk.internal.conference.ConferenceArguments;
import io.github.wxcsdk.internal.generated.conference.model.AddParticipantRequest;
import io.github.wxcsdk.internal.generated.conference.model.MuteRequest;
import io.github.wxcsdk.internal.generated.conference.model.ParticipantRequest;
import io.github.wxcsdk.internal.generated.conference.model.StartConferenceRequest;
import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;
import io.github.wxcsdk.testing.StubServer;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.Executable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Invalid arguments fail before anything is sent, and the façade's hand-written checks reject exactly what the
 * spec's constraints (Jakarta Validation annotations on the generated request models) reject.
 */
class ArgumentValidationTest {
    private static ValidatorFactory validatorFactory;
    private static Validator validator;

    @RegisterExtension
    final StubbedConference client = new StubbedConference();

    @BeforeAll
    static void createValidator() {
        validatorFactory = Validation.buildDefaultValidatorFactory();
        validator = validatorFactory.getValidator();
    }

    @AfterAll
    static void closeValidator() {
        validatorFactory.close();
    }

    @Test
    void invalidArgumentsNameTheParameterAndSendNothing() {
        assertRejected(NullPointerException.class, "callIds", () -> client.conference().startConference(null));
        assertRejected(IllegalArgumentException.class, "callIds", () -> client.conference().startConference(List.of("c1")));
        assertRejected(IllegalArgumentException.class, "callIds", () -> client.conference().startConference(List.of()));
        assertRejected(IllegalArgumentException.class, "callIds[1]",
                () -> client.conference().startConference(List.of("c1", " ")));
        assertRejected(NullPointerException.class, "callIds[0]",
                () -> client.conference().startConference(Arrays.asList(null, "c2")));
        assertRejected(NullPointerException.class, "callIds[1]", () -> client.conference().startConference("c1", null));
        assertRejected(NullPointerException.class, "more",
                () -> client.conference().startConference("c1", "c2", (String[]) null));
        assertRejected(IllegalArgumentException.class, "callIds[2]",
                () -> client.conference().startConference("c1", "c2", ""));
        for (String blank : new String[] {"", " ", "\t\n"}) {
            assertRejected(IllegalArgumentException.class, "callId", () -> client.conference().addParticipant(blank));
            assertRejected(IllegalArgumentException.class, "callId", () -> client.conference().mute(blank));
            assertRejected(IllegalArgumentException.class, "callId", () -> client.conference().unmute(blank));
            assertRejected(IllegalArgumentException.class, "callId", () -> client.conference().deafenParticipant(blank));
            assertRejected(IllegalArgumentException.class, "callId", () -> client.conference().undeafenParticipant(blank));
            assertRejected(IllegalArgumentException.class, "lineOwnerId", () -> client.conference().forLineOwner(blank));
        }
        assertRejected(NullPointerException.class, "callId", () -> client.conference().addParticipant(null));
        assertRejected(NullPointerException.class, "callId", () -> client.conference().mute(null));
        assertRejected(NullPointerException.class, "callId", () -> client.conference().unmute(null));
        assertRejected(NullPointerException.class, "callId", () -> client.conference().deafenParticipant(null));
        assertRejected(NullPointerException.class, "callId", () -> client.conference().undeafenParticipant(null));
        assertRejected(NullPointerException.class, "lineOwnerId", () -> client.conference().forLineOwner(null));
        assertEquals(List.of(), client.stub().requests(), "nothing may be sent for invalid arguments");
    }

    @Test
    void memberAndOrgIdsAreCheckedBeforeAnythingIsSent() {
        for (String blank : new String[] {"", " ", "\t\n"}) {
            assertRejected(IllegalArgumentException.class, "memberId", () -> client.conference().forMember(blank));
            assertRejected(IllegalArgumentException.class, "memberId",
                    () -> client.conference().forMember(blank, "org"));
            assertRejected(IllegalArgumentException.class, "orgId", () -> client.conference().forMember("m", blank));
        }
        assertRejected(NullPointerException.class, "memberId", () -> client.conference().forMember(null));
        assertRejected(NullPointerException.class, "memberId", () -> client.conference().forMember(null, "org"));
        assertRejected(NullPointerException.class, "orgId", () -> client.conference().forMember("m", null));
        assertRejected(NullPointerException.class, "callId", () -> client.conference().forMember("m").mute(null));
        assertRejected(IllegalArgumentException.class, "callIds",
                () -> client.conference().forMember("m").startConference(List.of("only one")));
        assertEquals(List.of(), client.stub().requests(), "nothing may be sent for invalid arguments");
    }

    @Test
    void idChecksMatchTheSpecConstraints() {
        for (String id : candidateIds()) {
            boolean specAccepts = validator.validate(new ParticipantRequest().callId(id)).isEmpty();
            assertEquals(specAccepts, validator.validate(new AddParticipantRequest().callId(id)).isEmpty(), id);
            assertEquals(specAccepts, validator.validate(new MuteRequest().callId(id)).isEmpty(), id);
            assertEquals(specAccepts, validator.validate(
                    new AddParticipantRequest().callId("c1").lineOwnerId(id)).isEmpty(), "lineOwnerId " + id);
            assertEquals(specAccepts, facadeAccepts(() -> ConferenceArguments.requireId(id, "callId")),
                    () -> "façade and spec disagree on " + escape(id));
        }
    }

    @Test
    void callIdListChecksMatchTheSpecConstraints() {
        List<String> ids = candidateIds();
        Random random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            List<String> callIds = new ArrayList<>();
            int size = random.nextInt(4);
            for (int j = 0; j < size; j++) {
                callIds.add(ids.get(random.nextInt(ids.size())));
            }
            boolean specAccepts = validator.validate(new StartConferenceRequest().callIds(callIds)).isEmpty();
            assertEquals(specAccepts, facadeAccepts(() -> ConferenceArguments.requireCallIds(callIds)),
                    () -> "façade and spec disagree on " + callIds.stream().map(ArgumentValidationTest::escape)
                            .toList());
        }
    }

    /** Ordinary ids, and every white-space and edge character the two rule sets could read differently. */
    private static List<String> candidateIds() {
        List<String> ids = new ArrayList<>(List.of("", "c1", " c1 ", "Y2lzY29zcGFyazovL3VzL0NBTEwv",
                "a\nb", "\n", "\r\n", "x\u0000"));
        String[] spaces = {" ", "\t", "\n", "\u000B", "\f", "\r", "\u00A0", "\u2003", "\u001C", "\u0085", "\u3000"};
        for (String space : spaces) {
            ids.add(space);
            ids.add(space + space);
            ids.add(space + "x");
            ids.add("x" + space);
        }
        return ids;
    }

    private static boolean facadeAccepts(Executable check) {
        try {
            check.execute();
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        } catch (Throwable e) {
            throw new AssertionError("unexpected " + e, e);
        }
    }

    private static void assertRejected(Class<? extends RuntimeException> type, String parameter, Executable call) {
        RuntimeException e = assertThrows(type, call);
        assertTrue(e.getMessage().startsWith(parameter + " "), () -> "message should name " + parameter + ": "
                + e.getMessage());
    }

    private static String escape(String id) {
        return Stream.of(id.split("")).map(c -> c.isEmpty() || c.charAt(0) > ' ' && c.charAt(0) < 127 ? c
                : String.format("\\u%04x", (int) c.charAt(0))).reduce("", String::concat);
    }
}
