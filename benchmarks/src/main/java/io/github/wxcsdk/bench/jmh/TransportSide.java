package io.github.wxcsdk.bench.jmh;

import feign.Client;
import feign.hc5.ApacheHttp5Client;
import feign.http2client.Http2Client;
import feign.okhttp.OkHttpClient;
import io.github.wxcsdk.bench.Wire;
import io.github.wxcsdk.bench.BenchmarkAccess;
import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The whole facade over one of the candidate transports, each set up like the facade's own: no retries, no
 * redirects, the facade's time limits, a pool large enough for the callers.
 */
@State(Scope.Benchmark)
public class TransportSide {
    private static final Duration CONNECT = Duration.ofSeconds(10);
    private static final Duration READ = Duration.ofSeconds(30);

    /**
     * {@code jdk} (the facade's own), {@code java11} (feign-java11), {@code okhttp}, {@code hc5},
     * {@code urlconnection} (feign-core's {@code Client.Default} over {@code HttpURLConnection}).
     */
    @Param({"jdk", "java11", "okhttp", "hc5", "urlconnection"})
    public String transport;

    /** The facade over {@link #transport}. */
    public ConferenceControlsApi conference;

    /** Builds the client once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        conference = BenchmarkAccess.conference(Endpoint.baseUrl(), Wire.TOKEN, client(transport));
    }

    @SuppressWarnings("deprecation") // Client.Default: feign-core's HttpURLConnection client, measured as it ships
    private static Client client(String transport) {
        switch (transport) {
            case "jdk":
                return null;
            case "java11":
                return new Http2Client(HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .followRedirects(HttpClient.Redirect.NEVER)
                        .connectTimeout(CONNECT)
                        .build());
            case "okhttp":
                return new OkHttpClient(new okhttp3.OkHttpClient.Builder()
                        .retryOnConnectionFailure(false)
                        .followRedirects(false)
                        .connectTimeout(CONNECT)
                        .readTimeout(READ)
                        .build());
            case "hc5":
                return new ApacheHttp5Client(HttpClients.custom()
                        .disableAutomaticRetries()
                        .disableRedirectHandling()
                        .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                                .setMaxConnPerRoute(64)
                                .setMaxConnTotal(64)
                                .build())
                        .build());
            case "urlconnection":
                return new Client.Default(null, null);
            default:
                throw new IllegalArgumentException("unknown transport: " + transport);
        }
    }
}
