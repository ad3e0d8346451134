package io.github.wxcsdk.bench.jmh;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Client;
import feign.Response;
import io.github.wxcsdk.bench.Wire;
import io.github.wxcsdk.bench.server.CannedAnswers;
import io.github.wxcsdk.bench.BenchmarkAccess;
import io.github.wxcsdk.internal.generated.conference.api.ConferenceControlsClient;
import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The facade's layers without the network: a Feign client that answers the canned details in memory, under the whole
 * facade, under the generated Feign client alone (run by the facade's precompiled plans, and built by Feign), and the
 * facade's mapper by itself.
 */
@State(Scope.Benchmark)
public class InMemorySide {
    private static final String BASE_URL = "http://127.0.0.1:9/v1";
    private static final Map<String, java.util.Collection<String>> JSON_HEADERS =
            Map.of("Content-Type", List.of("application/json;charset=UTF-8"));

    /** The details body. */
    public final byte[] details = CannedAnswers.DETAILS_JSON.getBytes(StandardCharsets.UTF_8);
    /** The whole facade over the in-memory transport. */
    public ConferenceControlsApi facade;
    /** The generated Feign client alone, run by the facade's precompiled plans, over the in-memory transport. */
    public ConferenceControlsClient generated;
    /** The generated Feign client built by {@code Feign.builder()}, over the in-memory transport. */
    public ConferenceControlsClient feignBuilt;
    /** The facade's mapper. */
    public ObjectMapper mapper;

    /** Builds the clients once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        Client inMemory = (request, options) -> Response.builder()
                .status(200)
                .headers(JSON_HEADERS)
                .body(details)
                .request(request)
                .build();
        facade = BenchmarkAccess.conference(BASE_URL, Wire.TOKEN, inMemory);
        generated = BenchmarkAccess.generatedClient(BASE_URL, Wire.TOKEN, inMemory);
        feignBuilt = BenchmarkAccess.feignBuiltClient(BASE_URL, Wire.TOKEN, inMemory);
        mapper = BenchmarkAccess.objectMapper();
    }
}
