package io.github.wxcsdk.bench.server;

import java.nio.charset.StandardCharsets;

/**
 * The canned bytes the loopback server answers with: a realistic conference with three participants for
 * {@code GET /v1/telephony/conference}, {@code 204} for {@code POST /v1/telephony/conference/mute}, 404 otherwise.
 */
public final class CannedAnswers {
    /** The details body; what both sides parse. */
    public static final String DETAILS_JSON = "{\"state\":\"connected\",\"appearance\":2,"
            + "\"created\":\"2026-03-04T10:15:30.123Z\",\"muted\":false,\"type\":\"bargeIn\",\"participants\":["
            + "{\"callId\":\"Y2lzY29zcGFyazovL3VzL0NBTEwvMDAwMS1hYmNkLWVmMDEtMjM0NQ\",\"muted\":false,\"deafened\":false},"
            + "{\"callId\":\"Y2lzY29zcGFyazovL3VzL0NBTEwvMDAwMi1hYmNkLWVmMDEtMjM0NQ\",\"muted\":true,\"deafened\":false},"
            + "{\"callId\":\"Y2lzY29zcGFyazovL3VzL0NBTEwvMDAwMy1hYmNkLWVmMDEtMjM0NQ\",\"muted\":false,\"deafened\":true}"
            + "]}";
    /** The path of the details and mute operations, as the server sees it. */
    public static final String DETAILS_PATH = "/v1/telephony/conference";
    /** The path of mute. */
    public static final String MUTE_PATH = "/v1/telephony/conference/mute";

    private static final String SERVER_TRACKING_ID = "ROUTERGW_5b1c5e0e-0d9c-4b5e-9a43-bench";
    static final byte[] DETAILS = ascii("HTTP/1.1 200 OK\r\n"
            + "Content-Type: application/json;charset=UTF-8\r\n"
            + "Content-Length: " + DETAILS_JSON.getBytes(StandardCharsets.UTF_8).length + "\r\n"
            + "TrackingID: " + SERVER_TRACKING_ID + "\r\n"
            + "\r\n"
            + DETAILS_JSON);
    static final byte[] NO_CONTENT = ascii("HTTP/1.1 204 No Content\r\n"
            + "TrackingID: " + SERVER_TRACKING_ID + "\r\n"
            + "\r\n");
    static final byte[] NOT_FOUND = ascii("HTTP/1.1 404 Not Found\r\n"
            + "Content-Length: 0\r\n"
            + "\r\n");

    private CannedAnswers() {
    }

    /**
     * @param method the request method
     * @param path   the request path without the query
     * @return the whole answer, head and body
     */
    static byte[] answerFor(String method, String path) {
        if (method.equals("GET") && path.equals(DETAILS_PATH)) {
            return DETAILS;
        }
        if (method.equals("POST") && path.equals(MUTE_PATH)) {
            return NO_CONTENT;
        }
        return NOT_FOUND;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
