package io.github.wxcsdk.contract.gates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Webex's full published Calling spec ({@code webex-cloud-calling.json} of github.com/webex/webex-openapi-specs,
 * {@code public-spec/}): many MB and all tags, of which the official-spec gate needs the operations tagged
 * {@value #TAG} and the schemas they use.
 */
final class PublishedSpec {
    /** The tag of the conference operations in the published spec. */
    static final String TAG = "Conference Controls";

    private PublishedSpec() {
    }

    /**
     * @param file a downloaded published spec (OpenAPI 3, JSON or YAML)
     * @return the surface of its Conference Controls, every {@code $ref} followed
     * @throws IllegalArgumentException when the file does not parse or has no operation tagged {@value #TAG}
     */
    static ApiSurface conferenceControls(Path file) {
        try {
            return conferenceControls(Spec.parse(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param published a parsed published spec
     * @return the surface of its Conference Controls
     * @throws IllegalArgumentException when it has no operation tagged {@value #TAG}
     */
    static ApiSurface conferenceControls(Spec published) {
        ApiSurface surface = SwaggerSurface.ofTag(published.api(), TAG);
        if (surface.operations().isEmpty()) {
            throw new IllegalArgumentException("No operation of the published spec is tagged '" + TAG + "'");
        }
        return surface;
    }
}
