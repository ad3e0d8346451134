package io.github.wxcsdk.internal.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads 2xx bodies: a missing, empty or white-space body is "no value" (Webex's {@code {}} for "no
 * conference" is handled by the façade); anything else is read by the client's one {@link ObjectMapper}.
 */
final class JsonBodyDecoder {
    private final ObjectMapper mapper;

    JsonBodyDecoder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * @param response a 2xx answer
     * @param type     what its body holds
     * @return the value, or {@code null} for no value
     * @throws IOException when the body cannot be read or is not JSON of that type
     */
    Object decode(Response response, JavaType type) throws IOException {
        if (response.body() == null) {
            return null;
        }
        // streamed, not read into an array first: the body is not copied, and Jackson's buffers are recycled
        try (InputStream in = response.body().asInputStream(); JsonParser parser = mapper.createParser(in)) {
            return parser.nextToken() == null ? null : mapper.readValue(parser, type);
        }
    }
}
