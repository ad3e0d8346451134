package io.github.wxcsdk.spring.boot;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A store of the application's own, as a test would define one. */
final class InMemoryTokenStore implements WebexTokenStore {
    final List<WebexStoredTokens> saved = new ArrayList<>();

    @Override
    public synchronized Optional<WebexStoredTokens> load() {
        return saved.isEmpty() ? Optional.empty() : Optional.of(saved.get(saved.size() - 1));
    }

    @Override
    public synchronized void save(WebexStoredTokens tokens) {
        saved.add(tokens);
    }
}
