package io.github.wxcsdk.contract.gates;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Gate 3: our spec against the structure of Webex's published Conference Controls ({@link OfficialSpecGate}), the
 * gate failing on deliberate breaks, and the maintainer's run against a newly downloaded full published spec.
 */
class OfficialSpecGateTest {
    /** Names a downloaded {@code webex-cloud-calling.json}; the maintainer's comparison runs only when it is set. */
    static final String PUBLISHED_SPEC = "webex.published.spec";

    @Test
    void ourSpecAgreesWithWhatWebexPublishes() {
        OfficialSpecGate.Report report = OfficialSpecGate.check(PublishedStructure.kept(), Spec.packaged());

        System.out.println(report.text());
        assertTrue(report.agrees(), report.text());
        assertEquals(36, report.publishedOperations());
        assertEquals(36, report.ourOperations());
    }

    @Test
    void eachDeliberateBreakIsNamed() {
        Spec broken = Spec.packaged();
        OpenAPI api = broken.api();
        api.getPaths().get("/telephony/conference/hold").setPost(null);
        Operation details = api.getPaths().get("/telephony/conference").getGet();
        List<Parameter> parameters = new ArrayList<>(details.getParameters());
        parameters.removeIf(parameter -> "lineOwnerId".equals(parameter.getName()));
        parameters.add(new Parameter().name("lineOwner").in("query").schema(new StringSchema()));
        details.setParameters(parameters);
        api.getComponents().getSchemas().get("ConferenceTypeEnum").getEnum().remove("coaching");
        api.getComponents().getSchemas().get("AddParticipantRequest").getProperties().remove("lineOwnerId");

        OfficialSpecGate.Report report = OfficialSpecGate.check(PublishedStructure.kept(), broken);

        assertFalse(report.agrees());
        assertEquals(List.of(
                "GET /telephony/conference: parameter lineOwnerId (query): published, missing here",
                "GET /telephony/conference: parameter lineOwner (query): here, not published",
                "POST /telephony/conference/addParticipant: request body: property lineOwnerId: published, missing"
                        + " here",
                "POST /telephony/conference/hold: published, missing here",
                "POST /telephony/conference/members/me/addParticipant: request body: property lineOwnerId: published,"
                        + " missing here",
                "schema ConferenceTypeEnum: enum value coaching: published, missing here"), report.unexplained());
        assertTrue(report.text().contains("6 difference(s) not listed as deliberate"), report.text());
    }

    @Test
    void aListedDifferenceThatMatchesNothingIsReported() {
        Spec spec = Spec.packaged();
        @SuppressWarnings("unchecked")
        List<Object> declared = new ArrayList<>((List<Object>) spec.api().getExtensions()
                .get(DeliberateDifferences.EXTENSION));
        declared.add(Map.of("what", "POST /telephony/conference/transfer: published, missing here",
                "reason", "We do not transfer."));
        spec.api().getExtensions().put(DeliberateDifferences.EXTENSION, declared);

        OfficialSpecGate.Report report = OfficialSpecGate.check(PublishedStructure.kept(), spec);

        assertFalse(report.agrees());
        assertEquals(List.of(), report.unexplained());
        assertEquals(List.of(new DeliberateDifferences.Difference(
                "POST /telephony/conference/transfer: published, missing here", "We do not transfer.")),
                report.stale());
    }

    @Test
    void aDifferenceOurSpecDoesNotListFailsTheGate() {
        Spec spec = Spec.packaged();
        spec.api().getExtensions().remove(DeliberateDifferences.EXTENSION);

        OfficialSpecGate.Report report = OfficialSpecGate.check(PublishedStructure.kept(), spec);

        assertFalse(report.agrees());
        assertTrue(report.unexplained().stream().anyMatch(line -> line.contains(": operationId '")), report.text());
    }

    /**
     * The maintainer's command (see contract-tests/README.md): our spec against a newly downloaded full published
     * spec. It also writes the extracted structure to {@code target/webex-published/} and says how it differs from
     * the copy this module keeps.
     */
    @Test
    @EnabledIfSystemProperty(named = PUBLISHED_SPEC, matches = ".+")
    void ourSpecAgreesWithANewlyDownloadedPublishedSpec() throws IOException {
        Path file = Path.of(System.getProperty(PUBLISHED_SPEC));
        ApiSurface published = PublishedSpec.conferenceControls(file);

        Path written = Path.of("target", "webex-published", "conference-controls-structure.json");
        Files.createDirectories(written.getParent());
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(written.toFile(),
                PublishedStructure.write(published, file.getFileName() + ", tag '" + PublishedSpec.TAG + "'"));
        List<String> sinceKept = SurfaceDiff.between(PublishedStructure.kept(), published);
        System.out.println(sinceKept.isEmpty()
                ? "The structure kept in " + PublishedStructure.RESOURCE + " is that of " + file + "."
                : "Webex changed the spec since the copy kept in " + PublishedStructure.RESOURCE + " ('published' is"
                        + " that copy, 'here' is " + file + "); the new structure is in " + written.toAbsolutePath()
                        + ":\n  - " + String.join("\n  - ", sinceKept));
        OfficialSpecGate.Report report = OfficialSpecGate.check(published, Spec.packaged());
        System.out.println(report.text());
        assertTrue(report.agrees(), report.text());
    }
}
