package io.github.wxcsdk.bench.cold;

import io.github.wxcsdk.WebexSimpleApi;
import io.github.wxcsdk.bench.Wire;
import io.github.wxcsdk.bench.raw.RawConferenceClient;
import io.github.wxcsdk.bench.raw.RawConferenceDetails;

/**
 * One cold start, in a fresh JVM: build the client, make the first {@code getConferenceDetails()}, print
 * {@code OK}. The parent measures from starting this JVM to reading that line.
 */
public final class ColdStart {
    private ColdStart() {
    }

    /**
     * @param args {@code facade} or {@code raw}, then the API root
     * @throws Exception when the call fails
     */
    public static void main(String[] args) throws Exception {
        String baseUrl = args[1];
        boolean found;
        if (args[0].equals("facade")) {
            found = WebexSimpleApi.builder().accessToken(Wire.TOKEN).baseUrl(baseUrl).build()
                    .telephony().conference().getConferenceDetails().isPresent();
        } else {
            RawConferenceDetails details = new RawConferenceClient(baseUrl, Wire.TOKEN).details();
            found = details.state() != null;
        }
        System.out.println(found ? "OK" : "EMPTY");
        System.out.flush();
        System.exit(found ? 0 : 1);
    }
}
