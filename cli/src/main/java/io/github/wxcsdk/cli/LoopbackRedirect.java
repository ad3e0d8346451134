package io.github.wxcsdk.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The redirect URI of a command-line OAuth login, {@code http://127.0.0.1:PORT/callback}: a one-shot HTTP server on
 * the loopback interface that waits for the browser to bring back the authorization code with the right
 * {@code state}. A request with another state is answered {@code 400} and ignored, so a forged request cannot end the
 * login.
 */
final class LoopbackRedirect implements AutoCloseable {
    private static final String PATH = "/callback";

    private final HttpServer server;
    private final String state;
    private final CompletableFuture<String> code = new CompletableFuture<>();

    private LoopbackRedirect(HttpServer server, String state) {
        this.server = server;
        this.state = state;
        server.createContext(PATH, this::handle);
        server.start();
    }

    /**
     * @param port  the port, 0 for a free one
     * @param state the state the authorize URL carries
     * @return the listening redirect
     * @throws CliFailure when the port cannot be bound
     */
    static LoopbackRedirect listen(int port, String state) {
        try {
            return new LoopbackRedirect(HttpServer.create(
                    new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 0), state);
        } catch (IOException e) {
            throw new CliFailure("Cannot listen on 127.0.0.1:" + port + " for the OAuth redirect (" + e.getMessage()
                    + "); choose another --port and register http://127.0.0.1:PORT/callback with the Integration",
                    FailureReporter.USAGE);
        }
    }

    String redirectUri() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    /**
     * @return the authorization code of the first redirect with the right state
     * @throws CliFailure when none arrives within {@code timeout}, or Webex redirects with an error
     */
    String awaitCode(Duration timeout) {
        try {
            return code.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new CliFailure("No redirect from Webex within " + timeout.toSeconds() + " s; run 'login' again",
                    FailureReporter.NO_ANSWER);
        } catch (ExecutionException e) {
            throw (CliFailure) e.getCause();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure("Interrupted while waiting for the OAuth redirect", FailureReporter.NO_ANSWER);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        if (!state.equals(query.get("state"))) {
            answer(exchange, 400, "This is not the login that wxc-conference started (wrong state).");
            return;
        }
        String error = query.get("error");
        if (error != null) {
            answer(exchange, 200, "Webex did not authorize wxc-conference: " + error + ". You may close this window.");
            code.completeExceptionally(new CliFailure("Webex did not authorize the login: "
                    + error.replaceAll("[^A-Za-z0-9_.-]", "?") + " (check --scope against the Integration's scopes)",
                    FailureReporter.WEBEX_ERROR));
            return;
        }
        String received = query.get("code");
        if (received == null || received.isBlank()) {
            answer(exchange, 400, "The redirect carries no code.");
            return;
        }
        answer(exchange, 200, "wxc-conference is logged in. You may close this window.");
        code.complete(received);
    }

    private static void answer(HttpExchange exchange, int status, String text) {
        byte[] body = ("<!doctype html><title>wxc-conference login</title><p>" + text.replace("<", "&lt;")
                + "</p>").getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = exchange.getResponseBody()) {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(status, body.length);
            out.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    values.putIfAbsent(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
                }
            }
        }
        return values;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
