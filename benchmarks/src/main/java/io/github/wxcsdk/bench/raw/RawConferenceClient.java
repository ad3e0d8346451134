package io.github.wxcsdk.bench.raw;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.github.wxcsdk.bench.Wire;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/**
 * The baseline: what a careful developer writes by hand with {@code java.net.http} and Jackson. One client and one
 * mapper, HTTP/1.1, no redirects, the facade's default time limits, the same headers as the facade (token,
 * {@code User-Agent}, a fresh {@code TrackingID} per call, {@code Accept}, {@code Content-Type} with a body), the
 * status checked, the details parsed into {@link RawConferenceDetails}. No retries, no mapping to a public model.
 */
public final class RawConferenceClient {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    private static final String JSON = "application/json";

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(CONNECT_TIMEOUT)
            .build();
    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();
    private final URI details;
    private final URI mute;
    private final String authorization;

    /**
     * @param baseUrl the API root, for example {@code http://127.0.0.1:8080/v1}
     * @param token   the access token
     */
    public RawConferenceClient(String baseUrl, String token) {
        this.details = URI.create(baseUrl + "/telephony/conference");
        this.mute = URI.create(baseUrl + "/telephony/conference/mute");
        this.authorization = "Bearer " + token;
    }

    /**
     * {@code GET /telephony/conference}.
     *
     * @return the parsed details
     * @throws IOException          on a transport failure or a status other than 200
     * @throws InterruptedException when interrupted
     */
    public RawConferenceDetails details() throws IOException, InterruptedException {
        HttpRequest request = request(details).header("Accept", JSON).GET().build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        expect(200, response);
        return mapper.readValue(response.body(), RawConferenceDetails.class);
    }

    /**
     * {@code POST /telephony/conference/mute} with {@code {"callId":"..."}}.
     *
     * @param callId the participant's call id
     * @throws IOException          on a transport failure or a status other than 204
     * @throws InterruptedException when interrupted
     */
    public void mute(String callId) throws IOException, InterruptedException {
        byte[] body = mapper.writeValueAsBytes(new MuteBody(callId));
        HttpRequest request = request(mute)
                .header("Accept", JSON)
                .header("Content-Type", JSON)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        expect(204, http.send(request, HttpResponse.BodyHandlers.ofByteArray()));
    }

    private HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri)
                .timeout(READ_TIMEOUT)
                .header("Authorization", authorization)
                .header("User-Agent", Wire.USER_AGENT)
                .header("TrackingID", Wire.TRACKING_PREFIX + UUID.randomUUID());
    }

    private static void expect(int status, HttpResponse<byte[]> response) throws IOException {
        if (response.statusCode() != status) {
            throw new IOException("HTTP " + response.statusCode() + " from " + response.uri());
        }
    }

    /**
     * The mute body.
     *
     * @param callId the participant's call id
     */
    record MuteBody(String callId) {
    }
}
