package io.github.wxcsdk.bench.jmh;

import io.github.wxcsdk.bench.Wire;
import io.github.wxcsdk.internal.generated.conference.model.ConferenceDetails;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** Where a call's cost goes above the wire: {@code getConferenceDetails()} layer by layer, in memory. */
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class InMemoryCalls {

    /**
     * @param side the in-memory clients
     * @return the details through facade, executor, precompiled plan, decoder and mapping
     */
    @Benchmark
    public Optional<io.github.wxcsdk.telephony.conference.ConferenceDetails> facade(InMemorySide side) {
        return side.facade.getConferenceDetails();
    }

    /**
     * @param side the in-memory clients
     * @return the details through the generated Feign client alone, run by the precompiled plans (request, decoder)
     */
    @Benchmark
    public ConferenceDetails generatedClient(InMemorySide side) {
        return side.generated.getConferenceDetails(Wire.TRACKING_PREFIX + UUID.randomUUID(), (String) null);
    }

    /**
     * @param side the in-memory clients
     * @return the details through the generated Feign client built by Feign (templates, interceptor, decoder)
     */
    @Benchmark
    public ConferenceDetails feignBuilt(InMemorySide side) {
        return side.feignBuilt.getConferenceDetails(Wire.TRACKING_PREFIX + UUID.randomUUID(), (String) null);
    }

    /**
     * @param side the in-memory clients
     * @return the details parsed by the facade's mapper alone
     * @throws IOException never, the JSON is valid
     */
    @Benchmark
    public ConferenceDetails jacksonOnly(InMemorySide side) throws IOException {
        return side.mapper.readValue(side.details, ConferenceDetails.class);
    }

    /**
     * @param side the in-memory client with its call listener ({@code none}, {@code noop}, {@code micrometer} or
     *             {@code opentelemetry})
     */
    @Benchmark
    public void holdWithListener(ListenerSide side) {
        side.facade.hold();
    }
}
