package io.github.wxcsdk.contract.gates;

import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.SynchronousRequestResponse;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The HTTP interactions of a pact file. */
final class PactFile {
    /** The file the consumer tests write: {@code <consumer>-<provider>.json} in the pact directory. */
    static final String GENERATED_NAME = "wxc-sdk-java-conference-webex-calling-conference-controls.json";

    private final Path file;
    private final List<SynchronousRequestResponse> interactions;

    private PactFile(Path file, List<SynchronousRequestResponse> interactions) {
        this.file = file;
        this.interactions = List.copyOf(interactions);
    }

    /**
     * The pact the consumer tests of this build wrote, found through the system property {@code pact.dir} (set by
     * the build to {@code target/pacts}).
     *
     * @return the pact
     * @throws IllegalStateException when the property is missing or the file does not exist
     */
    static PactFile generated() {
        String directory = System.getProperty("pact.dir");
        if (directory == null) {
            throw new IllegalStateException("System property pact.dir is not set: run the gates with Maven (failsafe)");
        }
        Path file = Path.of(directory, GENERATED_NAME);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException(file + " does not exist: the consumer tests (phase 'test') write it");
        }
        return load(file);
    }

    /**
     * @param resource the name of a pact file on the test classpath, for instance a fixture
     * @return the pact
     */
    static PactFile resource(String resource) {
        URL url = PactFile.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalArgumentException(resource + " is not on the classpath");
        }
        try {
            return load(Path.of(url.toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(url.toString(), e);
        }
    }

    private static PactFile load(Path file) {
        Pact pact = DefaultPactReader.INSTANCE.loadPact(file.toFile());
        List<SynchronousRequestResponse> interactions = new ArrayList<>();
        for (Interaction interaction : pact.getInteractions()) {
            SynchronousRequestResponse http = interaction.asSynchronousRequestResponse();
            if (http == null) {
                throw new IllegalArgumentException(file + ": '" + interaction.getDescription()
                        + "' is not an HTTP interaction");
            }
            interactions.add(http);
        }
        return new PactFile(file, interactions);
    }

    /** @return where the pact was read from */
    Path file() {
        return file;
    }

    /** @return the HTTP interactions, in file order */
    List<SynchronousRequestResponse> interactions() {
        return interactions;
    }
}
