/**
 * The Spring Boot starter of the Webex SDK: {@link io.github.wxcsdk.spring.boot.WebexAutoConfiguration} configures
 * {@link io.github.wxcsdk.WebexSimpleApi} from the {@code webex.*} properties
 * ({@link io.github.wxcsdk.spring.boot.WebexProperties}), keeps OAuth tokens across restarts
 * ({@link io.github.wxcsdk.spring.boot.WebexTokenStore}), reports a {@code webex} health contributor, and can start an
 * embedded simulator ({@code webex.simulator.enabled=true}).
 */
package io.github.wxcsdk.spring.boot;
