package io.github.wxcsdk.auth;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.wxcsdk.testing.LoopbackWireMock;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/** A token endpoint on the tests' loopback WireMock: answers a sequence, one answer per request, and reads forms. */
final class TokenEndpointStub {
    static final String PATH = "/v1/access_token";

    private TokenEndpointStub() {
    }

    /** @return the token endpoint's URL on that server */
    static String url(WireMockExtension wireMock) {
        return LoopbackWireMock.baseUrl(wireMock) + "/access_token";
    }

    /** Answers the next requests with {@code answers}, in order; later requests get 404. */
    static void answers(WireMockExtension wireMock, ResponseDefinitionBuilder... answers) {
        for (int i = 0; i < answers.length; i++) {
            wireMock.stubFor(post(urlEqualTo(PATH)).inScenario("token endpoint")
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "answer " + i)
                    .willSetStateTo("answer " + (i + 1)).willReturn(answers[i]));
        }
    }

    /** @return a 200 with token set {@code n}: access-n and refresh-n, the access token valid {@code seconds} */
    static ResponseDefinitionBuilder tokenSet(int n, long seconds) {
        return json(200, "{\"access_token\":\"access-" + n + "\",\"expires_in\":" + seconds + ",\"refresh_token\":"
                + "\"refresh-" + n + "\",\"refresh_token_expires_in\":7776000,\"token_type\":\"Bearer\","
                + "\"something_new\":{\"x\":[1]}}");
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** @return the forms posted to the token endpoint so far, in order, decoded */
    static List<Map<String, String>> forms(WireMockExtension wireMock) {
        return wireMock.findAll(postRequestedFor(urlEqualTo(PATH))).stream().map(TokenEndpointStub::form).toList();
    }

    private static Map<String, String> form(LoggedRequest request) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            String[] parts = pair.split("=", 2);
            fields.put(decode(parts[0]), parts.length == 2 ? decode(parts[1]) : "");
        }
        return fields;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
