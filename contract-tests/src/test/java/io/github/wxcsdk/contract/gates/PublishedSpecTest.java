package io.github.wxcsdk.contract.gates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The code of the maintainer's command on a small synthetic spec in the shape of Webex's published one: only the
 * operations tagged Conference Controls and the schemas they use, every kind of {@code $ref} followed, written in the
 * structure format and read back unchanged.
 */
class PublishedSpecTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void extractsTheConferenceControlsOfAMultiTagSpec() throws IOException {
        ApiSurface surface = PublishedSpec.conferenceControls(Spec.parse(text("synthetic-multi-tag-spec.json")));

        JsonNode written = PublishedStructure.write(surface, "synthetic-multi-tag-spec.json");

        assertEquals(JSON.readTree(text("synthetic-conference-controls-structure.json")), written,
                written.toPrettyString());
    }

    @Test
    void theWrittenStructureReadsBackAsTheSameSurface() {
        ApiSurface surface = PublishedSpec.conferenceControls(Spec.parse(text("synthetic-multi-tag-spec.json")));

        ApiSurface reread = PublishedStructure.read(PublishedStructure.write(surface, "synthetic"));

        assertEquals(List.of(), SurfaceDiff.between(surface, reread));
        assertEquals(List.of(), SurfaceDiff.between(reread, surface));
    }

    @Test
    void theKeptStructureSurvivesWritingAndReading() {
        ApiSurface kept = PublishedStructure.kept();

        assertEquals(List.of(), SurfaceDiff.between(kept, PublishedStructure.read(PublishedStructure.write(kept, "kept"))));
    }

    @Test
    void aSpecWithoutTheTagIsRefused() {
        Spec other = Spec.parse("""
                openapi: 3.0.3
                info: {title: other, version: '1'}
                paths:
                  /people:
                    get:
                      tags: [People]
                      responses:
                        '200': {description: people}
                """);

        assertThrows(IllegalArgumentException.class, () -> PublishedSpec.conferenceControls(other));
    }

    private static String text(String name) {
        try (InputStream in = PublishedSpecTest.class.getClassLoader().getResourceAsStream("webex-published/" + name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
