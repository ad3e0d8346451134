package io.github.wxcsdk.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import feign.Util;
import feign.codec.Decoder;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;

/**
 * Feign's decoder of 2xx bodies: a missing, empty or white-space body is "no value" (Webex's {@code {}} for "no
 * conference" is handled by the façade); anything else is read by the client's one {@link ObjectMapper}.
 */
final class JsonBodyDecoder implements Decoder {
    private final ObjectMapper mapper;

    JsonBodyDecoder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public Object decode(Response response, Type type) throws IOException {
        if (response.body() == null) {
            return Util.emptyValueOf(type);
        }
        byte[] body;
        try (InputStream in = response.body().asInputStream()) {
            body = in.readAllBytes();
        }
        if (isBlank(body)) {
            return Util.emptyValueOf(type);
        }
        return mapper.readValue(body, mapper.constructType(type));
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }
}
