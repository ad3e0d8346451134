package io.github.wxcsdk.internal.wire;

import io.github.wxcsdk.internal.http.RequestTarget;
import io.github.wxcsdk.internal.http.ErrorResponse;
import io.github.wxcsdk.internal.http.Redaction;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import io.github.wxcsdk.WebexErrorDetail;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads a non-2xx answer into an {@link ErrorResponse}. Tolerant by design: a Webex error body,
 * any part of one, HTML from a proxy, or nothing at all all give a complete result. The access token is removed from
 * everything taken from the body, in case a server echoes the request.
 */
final class ErrorResponseReader {
    /** Error bodies are small; a larger one is cut here. */
    private static final int MAX_BODY_BYTES = 64 * 1024;
    private static final int SNIPPET_CHARS = 200;

    private final ObjectMapper mapper;

    ErrorResponseReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param response a non-2xx answer
     * @return what it says, never {@code null}
     */
    ErrorResponse read(Response response) {
        String token = Redaction.tokenOf(response.request().headers());
        String text = readBody(response);
        JsonNode json = parseObject(text);
        String webexMessage = json == null ? null : textOrNull(json.get("message"));
        List<WebexErrorDetail> errors = json == null ? List.of() : errors(json.get("errors"), token);
        String bodyTrackingId = json == null ? null : textOrNull(json.get("trackingId"));
        String headerTrackingId = firstHeader(response.headers(), "trackingid");
        // each value is redacted after parsing: a JSON escape inside the token hides it from a search of the raw body
        return new ErrorResponse(response.status(), response.request().httpMethod().name(),
                RequestTarget.of(response.request().url()), Redaction.redact(webexMessage, token),
                json == null ? snippet(Redaction.redact(text, token)) : null, errors,
                Redaction.redact(headerTrackingId != null ? headerTrackingId : bodyTrackingId, token),
                firstHeader(response.headers(), "Retry-After"));
    }

    private static String readBody(Response response) {
        if (response.body() == null) {
            return "";
        }
        try (InputStream in = response.body().asInputStream()) {
            return new String(in.readNBytes(MAX_BODY_BYTES), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private JsonNode parseObject(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            JsonNode node = mapper.readTree(text);
            return node != null && node.isObject() ? node : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static List<WebexErrorDetail> errors(JsonNode array, String token) {
        if (array == null || !array.isArray()) {
            return List.of();
        }
        List<WebexErrorDetail> errors = new ArrayList<>(array.size());
        for (JsonNode entry : array) {
            if (entry.isObject()) {
                JsonNode code = entry.get("errorCode");
                errors.add(new WebexErrorDetail(Redaction.redact(textOrNull(entry.get("description")), token),
                        code != null && code.canConvertToInt() ? code.intValue() : null));
            }
        }
        return errors;
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() || node.isContainerNode() ? null : node.asText();
    }

    /** A body that is not a Webex error, made readable: tags dropped, white space folded, cut short. */
    private static String snippet(String text) {
        String plain = text.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
        if (plain.isEmpty()) {
            return null;
        }
        return plain.length() <= SNIPPET_CHARS ? plain : plain.substring(0, SNIPPET_CHARS) + "...";
    }

    private static String firstHeader(Map<String, Collection<String>> headers, String name) {
        for (Map.Entry<String, Collection<String>> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                return header.getValue().iterator().next();
            }
        }
        return null;
    }
}
