package io.github.wxcsdk.bench.jmh;

import feign.Client;
import feign.Response;
import io.github.wxcsdk.CallListener;
import io.github.wxcsdk.bench.BenchmarkAccess;
import io.github.wxcsdk.bench.Wire;
import io.github.wxcsdk.micrometer.MicrometerCallListener;
import io.github.wxcsdk.opentelemetry.OpenTelemetryCallListener;
import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.Collection;
import java.util.List;

/**
 * The facade in memory (a Feign client answering {@code 204} at once) with no call listener, with
 * a listener that does nothing (the hook's own cost), with {@link MicrometerCallListener} over a
 * {@link SimpleMeterRegistry}, or with {@link OpenTelemetryCallListener} over the OpenTelemetry SDK (every span sampled,
 * ended and handed to an exporter that drops it, on the calling thread, so no export thread competes for the two
 * cores): what each listener adds to a call.
 */
@State(Scope.Benchmark)
public class ListenerSide {
    private static final String BASE_URL = "http://127.0.0.1:9/v1";

    /** Which listener the client has. */
    @Param({"none", "noop", "micrometer", "opentelemetry"})
    public String listener;

    /** The facade with that listener. */
    public ConferenceControlsApi facade;
    private OpenTelemetrySdk openTelemetry;

    /** Builds the client once per trial. */
    @Setup(Level.Trial)
    public void setUp() {
        Client noContent = (request, options) -> Response.builder().status(204).headers(java.util.Map.of())
                .request(request).build();
        List<CallListener> listeners = switch (listener) {
            case "none" -> List.of();
            // the hook's own cost: events built and dispatched to a listener that does nothing
            case "noop" -> List.of(new CallListener() { });
            case "micrometer" -> List.of(MicrometerCallListener.of(new SimpleMeterRegistry()));
            case "opentelemetry" -> {
                openTelemetry = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
                        .addSpanProcessor(SimpleSpanProcessor.create(new DroppingExporter())).build()).build();
                yield List.of(OpenTelemetryCallListener.of(openTelemetry));
            }
            default -> throw new IllegalArgumentException("unknown listener " + listener);
        };
        facade = BenchmarkAccess.conference(BASE_URL, Wire.TOKEN, noContent, listeners);
    }

    /** Closes the OpenTelemetry SDK. */
    @TearDown(Level.Trial)
    public void tearDown() {
        if (openTelemetry != null) {
            openTelemetry.close();
        }
    }

    /** An exporter that drops every span, so only the SDK's own work is measured. */
    private static final class DroppingExporter implements SpanExporter {
        @Override
        public CompletableResultCode export(Collection<SpanData> spans) {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }
}
