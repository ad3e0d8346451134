package io.github.wxcsdk.contract.gates;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Gate 2: every operation of the spec has a Pact interaction and a façade method, and nothing else is sent
 * ({@link SpecCoverageGate}); and the gate does fail when the spec gains an operation or loses one.
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
    void anOperationAddedToTheSpecIsReportedUntilCovered() {
        String real = Spec.packaged().text();
        assertTrue(real.contains("\npaths:\n"), "the spec has a top-level 'paths:'");
        Spec extended = Spec.parse(real.replace("\npaths:\n", "\npaths:\n" + fixture("fixtures/extra-operation.yaml")));

        assertEquals(List.of(
                "POST /telephony/conference/transfer: no Pact interaction",
                "POST /telephony/conference/transfer: no façade method sends it"),
                SpecCoverageGate.gaps(extended, PactFile.generated(), facade));
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
                "façade method forLineOwner(String).resume() sends POST /v1/telephony/conference/resume, which is no"
                        + " operation of the spec",
                "façade method resume() sends POST /v1/telephony/conference/resume, which is no operation of the spec"),
                SpecCoverageGate.gaps(reduced, PactFile.generated(), facade));
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
