package io.github.wxcsdk.spring.boot;

import io.github.wxcsdk.CallEvent;
import io.github.wxcsdk.CallListener;
import io.github.wxcsdk.WebexSimpleApi;
import io.github.wxcsdk.micrometer.MicrometerCallListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The SDK's meters and observations, wired when the application has a meter registry. */
class WebexMicrometerTest {
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(WebexSimulatorAutoConfiguration.class,
                    WebexAutoConfiguration.class, WebexMicrometerAutoConfiguration.class))
            .withPropertyValues("webex.simulator.enabled=true");

    @Test
    void aMeterRegistryGetsTheCallsOfTheClient() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            assertThat(context).hasSingleBean(MicrometerCallListener.class);
            context.getBean(WebexSimpleApi.class).telephony().conference().getConferenceDetails();
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get(MicrometerCallListener.CALLS).timer().count()).isEqualTo(1);
            assertThat(registry.get(MicrometerCallListener.CALLS).timer().getId().getTag("operation"))
                    .isEqualTo("getConferenceDetails");
        });
    }

    @Test
    void withAnObservationRegistryEachCallIsObserved() {
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean(ObservationRegistry.class, ObservationRegistry::create)
                .run(context -> {
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    List<String> observed = new ArrayList<>();
                    ObservationRegistry observations = context.getBean(ObservationRegistry.class);
                    observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(registry))
                            .observationHandler(new io.micrometer.observation.ObservationHandler<>() {
                                @Override
                                public void onStop(io.micrometer.observation.Observation.Context observation) {
                                    observed.add(observation.getName());
                                }

                                @Override
                                public boolean supportsContext(io.micrometer.observation.Observation.Context c) {
                                    return true;
                                }
                            });
                    context.getBean(WebexSimpleApi.class).telephony().conference().getConferenceDetails();
                    assertThat(observed).contains(MicrometerCallListener.CALLS);
                    assertThat(registry.get(MicrometerCallListener.CALLS).timer().count()).isEqualTo(1);
                });
    }

    @Test
    void nothingWithoutARegistryOrWhenTurnedOffOrWithoutTheModule() {
        runner.run(context -> assertThat(context).doesNotHaveBean(MicrometerCallListener.class));
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).withPropertyValues("webex.metrics.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(MicrometerCallListener.class));
        runner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withClassLoader(new FilteredClassLoader(MicrometerCallListener.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(MicrometerCallListener.class));
    }

    @Test
    void theApplicationsCallListenersSeeEveryCall() {
        List<CallEvent> events = new ArrayList<>();
        runner.withBean(CallListener.class, () -> new CallListener() {
            @Override
            public void onCallEnd(CallEvent event) {
                events.add(event);
            }
        }).run(context -> {
            context.getBean(WebexSimpleApi.class).telephony().conference().getConferenceDetails();
            assertThat(events).hasSize(1).first().extracting(CallEvent::operationId)
                    .isEqualTo("getConferenceDetails");
        });
    }
}
