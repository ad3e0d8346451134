package io.github.wxcsdk.contract.gates;

import au.com.dius.pact.core.model.SynchronousRequestResponse;
import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.pact.PactRequest;
import com.atlassian.oai.validator.pact.PactResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

import java.util.ArrayList;
import java.util.List;

/**
 * Gate 1, pact against spec: every request and every response of a pact must agree with the spec (path, method,
 * query parameters, security, content types, required bodies, and the schemas of bodies: types, required fields,
 * minItems, patterns, properties a request schema does not list). Validated with swagger-request-validator, every
 * finding an error by default.
 *
 * <p>Two exemptions, for responses only: a value outside a schema's {@code enum}, and a property the schema does not
 * list. Webex adds enum values and fields to its answers without notice, the client is built to accept both (open
 * enums keep the raw value, unknown fields land in {@code extraData()}), and the contract deliberately pins an answer
 * with an unknown {@code type} and an unknown field so that no one makes the client strict. (The spec's response
 * models already say {@code additionalProperties: true}; the second exemption keeps that true of any response model
 * added later.) In requests, unknown enum values and unlisted properties stay errors.
 */
final class PactSpecGate {
    private final OpenApiInteractionValidator validator;

    /** @param spec the spec to check pacts against */
    PactSpecGate(Spec spec) {
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(spec.text())
                .withLevelResolver(LevelResolver.create()
                        // answers may carry enum values and fields newer than the spec (see the class comment)
                        .withLevel("validation.response.body.schema.enum", ValidationReport.Level.IGNORE)
                        .withLevel("validation.response.body.schema.additionalProperties",
                                ValidationReport.Level.IGNORE)
                        .build())
                .build();
    }

    /**
     * One disagreement between an interaction and the spec.
     *
     * @param interaction the description of the interaction
     * @param key         the validator's key, for example {@code validation.request.body.schema.minItems}
     * @param message     the validator's explanation
     */
    record Violation(String interaction, String key, String message) {
        @Override
        public String toString() {
            return "'" + interaction + "': " + key + ": " + message;
        }
    }

    /**
     * @param pact the pact to check
     * @return every disagreement; empty when the pact agrees with the spec
     */
    List<Violation> violations(PactFile pact) {
        List<Violation> violations = new ArrayList<>();
        for (SynchronousRequestResponse interaction : pact.interactions()) {
            ValidationReport report = validator.validate(PactRequest.of(interaction.getRequest()),
                    PactResponse.of(interaction.getResponse()));
            for (ValidationReport.Message message : report.getMessages()) {
                if (message.getLevel() == ValidationReport.Level.ERROR) {
                    violations.add(new Violation(interaction.getDescription(), message.getKey(),
                            message.getMessage()));
                }
            }
        }
        return violations;
    }
}
