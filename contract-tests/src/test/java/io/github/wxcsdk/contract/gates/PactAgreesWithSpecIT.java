package io.github.wxcsdk.contract.gates;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Gate 1: the pact the consumer tests wrote agrees with the spec in every request and response
 * ({@link PactSpecGate}); and the gate does fail on a pact that does not.
 */
class PactAgreesWithSpecIT {
    private final PactSpecGate gate = new PactSpecGate(Spec.packaged());

    @Test
    void theGeneratedPactAgreesWithTheSpec() {
        PactFile pact = PactFile.generated();

        assertEquals(List.of(), gate.violations(pact), () -> pact.file().toString());
    }

    @Test
    void aPactThatDisagreesWithTheSpecIsReported() {
        List<String> reported = gate.violations(PactFile.resource("fixtures/pact-disagreeing-with-the-spec.json"))
                .stream().map(violation -> violation.interaction() + " -> " + violation.key()).toList();

        assertEquals(List.of(
                "mute the host on a path the spec does not have -> validation.request.path.missing",
                "start a conference of one call -> validation.request.body.schema.minItems",
                "deafen with a field the spec does not have -> validation.request.body.schema.additionalProperties",
                "hold with a body -> validation.request.body.unexpected",
                "get a conference whose appearance is not an integer -> validation.response.body.schema.type"),
                reported, "the last interaction of the fixture, an unknown state and field in an answer, is accepted");
    }
}
