package io.github.wxcsdk.bench.run;

import io.github.wxcsdk.WebexSimpleApi;
import io.github.wxcsdk.bench.Wire;
import io.github.wxcsdk.bench.raw.RawConferenceClient;
import io.github.wxcsdk.bench.raw.RawConferenceDetails;
import io.github.wxcsdk.bench.raw.RawParticipant;
import io.github.wxcsdk.bench.server.SocketCannedServer;
import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;
import io.github.wxcsdk.telephony.conference.ConferenceDetails;
import io.github.wxcsdk.telephony.conference.ConferenceParticipant;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Checks, before anything is measured, that both sides do the same work: the request bytes of the facade and of the
 * hand-written call are identical once the fresh {@code TrackingID} UUIDs are masked (which must differ between
 * calls), and both parse the details into equal values.
 */
public final class WireParity {
    private static final Pattern UUID = Pattern.compile(
            "WXCJAVA_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private WireParity() {
    }

    /**
     * The outcome for one operation.
     *
     * @param operation the operation
     * @param identical whether the masked request bytes are the same
     * @param bytes     the request's length in bytes
     * @param request   the facade's masked request, for the report
     * @param raw       the raw call's masked request
     */
    public record Check(String operation, boolean identical, int bytes, String request, String raw) {
    }

    /**
     * @return one check per operation, plus one for the parsed details
     * @throws IOException          when a call fails
     * @throws InterruptedException when interrupted
     */
    public static List<Check> run() throws IOException, InterruptedException {
        List<byte[]> captured = new ArrayList<>();
        try (SocketCannedServer server = SocketCannedServer.start(bytes -> {
            synchronized (captured) {
                captured.add(bytes);
            }
        })) {
            String baseUrl = "http://127.0.0.1:" + server.port() + "/v1";
            ConferenceControlsApi facade = WebexSimpleApi.builder().accessToken(Wire.TOKEN).baseUrl(baseUrl).build()
                    .telephony().conference();
            RawConferenceClient raw = new RawConferenceClient(baseUrl, Wire.TOKEN);
            ConferenceDetails facadeDetails = facade.getConferenceDetails().orElseThrow();
            RawConferenceDetails rawDetails = raw.details();
            facade.mute(Wire.CALL_ID);
            raw.mute(Wire.CALL_ID);
            facade.getConferenceDetails();
            synchronized (captured) {
                if (captured.size() != 5) {
                    throw new IllegalStateException("expected 5 requests, saw " + captured.size());
                }
                boolean freshIds = !trackingId(captured.get(0)).equals(trackingId(captured.get(4)));
                List<Check> checks = new ArrayList<>();
                checks.add(compare("getConferenceDetails()", captured.get(0), captured.get(1)));
                checks.add(compare("mute(callId)", captured.get(2), captured.get(3)));
                checks.add(new Check("a fresh TrackingID on every call", freshIds, 0, "", ""));
                checks.add(new Check("details parsed to equal values", same(facadeDetails, rawDetails), 0,
                        facadeDetails.toString(), rawDetails.toString()));
                return checks;
            }
        }
    }

    private static Check compare(String operation, byte[] facade, byte[] raw) {
        String f = mask(facade);
        String r = mask(raw);
        return new Check(operation, f.equals(r) && facade.length == raw.length, facade.length, f, r);
    }

    private static String mask(byte[] request) {
        return UUID.matcher(new String(request, StandardCharsets.ISO_8859_1))
                .replaceAll("WXCJAVA_<uuid>");
    }

    private static String trackingId(byte[] request) {
        var matcher = UUID.matcher(new String(request, StandardCharsets.ISO_8859_1));
        return matcher.find() ? matcher.group() : "";
    }

    private static boolean same(ConferenceDetails facade, RawConferenceDetails raw) {
        if (!(Objects.equals(facade.stateAsString(), raw.state()) && Objects.equals(facade.appearance(),
                raw.appearance()) && Objects.equals(facade.created(), raw.created())
                && Objects.equals(facade.muted(), raw.muted()) && Objects.equals(facade.typeAsString(), raw.type())
                && facade.participants().size() == raw.participants().size()
                && facade.extraData().equals(raw.extraData() == null ? java.util.Map.of() : raw.extraData()))) {
            return false;
        }
        for (int i = 0; i < raw.participants().size(); i++) {
            ConferenceParticipant f = facade.participants().get(i);
            RawParticipant r = raw.participants().get(i);
            if (!(Objects.equals(f.callId(), r.callId()) && Objects.equals(f.muted(), r.muted())
                    && Objects.equals(f.deafened(), r.deafened()))) {
                return false;
            }
        }
        return true;
    }
}
