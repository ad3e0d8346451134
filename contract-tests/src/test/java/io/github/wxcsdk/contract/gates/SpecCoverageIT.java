package io.github.wxcsdk.contract.gates;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Gate 2: every operation of the spec has a Pact interaction and a façade method, and nothing else is sent
 * ({@link SpecCoverageGate}); and the gate does fail when the spec gains an operation or loses one, and accepts an
 * alias only through the operation it duplicates.
 */
class SpecCoverageIT {
    private static Map<String, List<FacadeReach.Request>> facade;

    @BeforeAll
    static void driveTheFacade() {
        facade = FacadeReach.ofEveryMethod();
    }

    @Test
    void specPactAndFacadeCoverTheSameOperations() {
        Spec spec = Spec.packaged();

        assertFalse(spec.operations().isEmpty(), "the spec was read");
        assertEquals(List.of(), SpecCoverageGate.gaps(spec, PactFile.generated(), facade));
    }

    @Test
    void everyViewOfTheFacadeIsWalked() {
        for (String client : List.of("", FacadeReach.ASYNC)) {
            for (String view : List.of("", "forLineOwner(String).", "forMember(String).", "forMember(String, String).")) {
                String hold = client + "conference()." + view + "hold()";
                assertTrue(facade.containsKey(hold), hold + " in " + facade.keySet());
            }
        }
        assertEquals(List.of(new FacadeReach.Request("POST",
                        "/v1/telephony/conference/members/c1/supervisorCoach")),
                facade.get(FacadeReach.ASYNC + "conference().forMember(String, String).supervisorCoach()"));
        assertFalse(facade.keySet().stream().anyMatch(method -> method.contains("forLineOwner(String).forLineOwner")),
                "a view method is followed once on a path");
    }

    @Test
    void anOperationAddedToTheSpecIsReportedUntilCovered() {
        assertEquals(List.of(
                "POST /telephony/conference/transfer: no Pact interaction",
                "POST /telephony/conference/transfer: no façade method sends it"),
                newGaps(withPaths(Spec.packaged(), "fixtures/extra-operation.yaml")));
    }

    @Test
    void anAliasIsCoveredByTheOperationItDuplicates() {
        Spec real = Spec.packaged();
        Spec withAliases = withPaths(withPaths(real, "fixtures/extra-operation.yaml"), "fixtures/alias-operations.yaml");

        assertEquals(List.of(
                "POST /telephony/conference/mirror/transfer: no Pact interaction, nor for POST"
                        + " /telephony/conference/transfer (of which it is an alias)",
                "POST /telephony/conference/mirror/transfer: no façade method sends it, nor for POST"
                        + " /telephony/conference/transfer (of which it is an alias)",
                "POST /telephony/conference/transfer: no Pact interaction",
                "POST /telephony/conference/transfer: no façade method sends it"), newGaps(withAliases));
    }

    @Test
    void anAliasOfNoOperationIsReported() {
        Spec dangling = withPaths(Spec.packaged(), "fixtures/alias-operations.yaml");

        assertEquals(List.of("POST /telephony/conference/mirror/transfer: x-wxcsdk-alias-of names"
                + " 'transferConference', which is no operation of the spec"), newGaps(dangling));
    }

    @Test
    void anOperationRemovedFromTheSpecIsReportedWhileStillSent() {
        Spec reduced = Spec.packaged();
        reduced.api().getPaths().remove("/telephony/conference/resume");

        assertEquals(List.of(
                "Pact interaction 'resume the held conference' sends POST /v1/telephony/conference/resume, which is"
                        + " no operation of the spec",
                "Pact interaction 'resume the held conference on the line owner's line' sends POST"
                        + " /v1/telephony/conference/resume, which is no operation of the spec",
                "façade method async conference().forLineOwner(String).resume() sends POST"
                        + " /v1/telephony/conference/resume, which is no operation of the spec",
                "façade method async conference().resume() sends POST /v1/telephony/conference/resume, which is no"
                        + " operation of the spec",
                "façade method conference().forLineOwner(String).resume() sends POST /v1/telephony/conference/resume,"
                        + " which is no operation of the spec",
                "façade method conference().resume() sends POST /v1/telephony/conference/resume, which is no"
                        + " operation of the spec",
                "POST /telephony/conference/members/me/resume: x-wxcsdk-alias-of names 'resumeConference', which is"
                        + " no operation of the spec"),
                newGaps(reduced));
    }

    /**
     * The gaps a changed spec has beyond those of the packaged one, so that each case shows only the effect of its
     * own change.
     */
    private static List<String> newGaps(Spec changed) {
        List<String> before = SpecCoverageGate.gaps(Spec.packaged(), PactFile.generated(), facade);
        List<String> after = new ArrayList<>(SpecCoverageGate.gaps(changed, PactFile.generated(), facade));
        after.removeAll(before);
        return after;
    }

    /** @return a copy of the spec with the paths of a fixture inserted under its top-level {@code paths:} */
    private static Spec withPaths(Spec spec, String fixture) {
        String text = spec.text();
        assertTrue(text.contains("\npaths:\n"), "the spec has a top-level 'paths:'");
        return Spec.parse(text.replace("\npaths:\n", "\npaths:\n" + fixture(fixture)));
    }

    private static String fixture(String resource) {
        try (InputStream in = SpecCoverageIT.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
