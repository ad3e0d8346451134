package io.github.wxcsdk.spring.boot;

import io.github.wxcsdk.micrometer.MicrometerCallListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;

/**
 * The SDK's metrics and observations, wired when the application has a {@link MeterRegistry} bean (Spring Boot's
 * actuator makes one) and {@code wxc-sdk-micrometer} is on the classpath (the starter brings it): a
 * {@link MicrometerCallListener} bean that every auto-configured client reports to ({@code webex.sdk.calls} and the
 * other {@code webex.sdk.*} meters). With an {@link ObservationRegistry} bean too, each call is also an observation,
 * so that Micrometer Tracing makes spans of them. {@code webex.metrics.enabled=false} turns it off.
 */
@AutoConfiguration(before = WebexAutoConfiguration.class, afterName = {
        "org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"})
@ConditionalOnClass(name = {"io.github.wxcsdk.micrometer.MicrometerCallListener",
        "io.micrometer.core.instrument.MeterRegistry"})
@ConditionalOnBean(type = "io.micrometer.core.instrument.MeterRegistry")
@ConditionalOnProperty(prefix = "webex.metrics", name = "enabled", matchIfMissing = true)
public class WebexMicrometerAutoConfiguration {

    /** Creates the auto-configuration; Spring calls it. */
    public WebexMicrometerAutoConfiguration() {
    }

    /**
     * The listener that records the SDK's meters, and observes each call when there is an observation registry.
     *
     * @param registry      the application's meter registry
     * @param observations  the application's observation registry, if any
     * @return the listener; the auto-configured clients report every call to it
     */
    @Bean
    @ConditionalOnMissingBean
    public MicrometerCallListener webexMicrometerCallListener(MeterRegistry registry,
                                                              ObjectProvider<ObservationRegistry> observations) {
        ObservationRegistry observationRegistry = observations.getIfAvailable();
        return observationRegistry == null ? MicrometerCallListener.of(registry)
                : MicrometerCallListener.of(registry, observationRegistry);
    }
}
