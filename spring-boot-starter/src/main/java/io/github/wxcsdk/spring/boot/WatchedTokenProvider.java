package io.github.wxcsdk.spring.boot;

import io.github.wxcsdk.auth.OAuthRefreshException;
import io.github.wxcsdk.auth.TokenProvider;

import java.time.Duration;

/** The client's view of the token provider bean: the same tokens, with refusals reported to the monitor. */
final class WatchedTokenProvider implements TokenProvider {
    private final TokenProvider delegate;
    private final WebexClientMonitor monitor;

    WatchedTokenProvider(TokenProvider delegate, WebexClientMonitor monitor) {
        this.delegate = delegate;
        this.monitor = monitor;
    }

    @Override
    public String accessToken(Duration maxWait) {
        try {
            return delegate.accessToken(maxWait);
        } catch (OAuthRefreshException e) {
            monitor.refused(e);
            throw e;
        }
    }

    @Override
    public void unauthorized(String rejectedToken) {
        delegate.unauthorized(rejectedToken);
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
