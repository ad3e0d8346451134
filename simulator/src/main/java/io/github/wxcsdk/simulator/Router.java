package io.github.wxcsdk.simulator;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one HTTP handler: gives every request a tracking id, lets the {@link ApiGate} settle it (OAuth endpoints, 401
 * for expired OAuth tokens, 429 over the rate limit), finds its route (404 unknown path, 405 wrong method),
 * authenticates it (401), reads its body, serves a pending fault or the operation, and writes the answer. Every
 * answer, error or not, carries the {@code trackingid} header.
 */
final class Router implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);
    private static final int MAX_BODY_BYTES = 64 * 1024;

    private final UserRegistry users;
    private final ApiGate gate;
    private final Map<String, Map<String, Route>> routesByPath = new LinkedHashMap<>();

    Router(UserRegistry users, List<Route> routes, ApiGate gate) {
        this.users = users;
        this.gate = gate;
        routes.forEach(r -> routesByPath.computeIfAbsent(r.path(), p -> new LinkedHashMap<>()).put(r.method(), r));
    }

    @Override
    public void handle(HttpExchange exchange) {
        String trackingId = trackingId(exchange.getRequestHeaders());
        try {
            Reply reply;
            try {
                reply = dispatch(exchange, trackingId);
            } catch (ApiException e) {
                reply = WebexErrors.of(e, trackingId);
            } catch (RuntimeException e) {
                LOG.error("{} {} failed (trackingid {})", exchange.getRequestMethod(),
                        exchange.getRequestURI().getPath(), trackingId, e);
                reply = WebexErrors.of(Problem.INTERNAL_ERROR.exception(), trackingId);
            }
            send(exchange, reply, trackingId);
        } catch (IOException e) {
            // the client went away while sending or receiving: there is no one left to answer
            LOG.debug("{} {} (trackingid {}) broke off: {}", exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(), trackingId, e.toString());
        } finally {
            exchange.close();
        }
    }

    private Reply dispatch(HttpExchange exchange, String trackingId) throws IOException {
        Optional<Reply> settled = gate.intercept(exchange, trackingId);
        if (settled.isPresent()) {
            return settled.get();
        }
        Map<String, Route> byMethod = routesByPath.get(exchange.getRequestURI().getPath());
        if (byMethod == null) {
            throw Problem.RESOURCE_NOT_FOUND.exception();
        }
        Route route = byMethod.get(exchange.getRequestMethod());
        if (route == null) {
            return WebexErrors.of(Problem.METHOD_NOT_ALLOWED, Problem.METHOD_NOT_ALLOWED.message(), trackingId,
                    Map.of("Allow", String.join(", ", byMethod.keySet())));
        }
        String token = Tokens.fromAuthorization(exchange.getRequestHeaders().getFirst("Authorization"))
                .orElseThrow(Problem.UNAUTHORIZED::exception);
        UserState user = users.user(token);
        byte[] body = readBody(exchange);
        if (route.faultable()) {
            Optional<Fault> fault = user.takeFault();
            if (fault.isPresent()) {
                pause(fault.get());
                return WebexErrors.of(fault.get(), trackingId);
            }
        }
        Map<String, String> query = QueryString.parse(exchange.getRequestURI().getRawQuery());
        return route.operation().handle(new Request(token, user, query, body));
    }

    /** The request body, at most 64 KiB ({@link Problem#BODY_TOO_LARGE} beyond). */
    static byte[] readBody(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw Problem.BODY_TOO_LARGE.exception();
        }
        return body;
    }

    private static void pause(Fault fault) {
        if (!fault.delay().isZero()) {
            try {
                Thread.sleep(fault.delay().toMillis());
            } catch (InterruptedException e) {
                // the simulator is closing: answer now
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void send(HttpExchange exchange, Reply reply, String trackingId) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        headers.set("trackingid", trackingId);
        reply.headers().forEach(headers::set);
        if (reply.body() == null) {
            exchange.sendResponseHeaders(reply.status(), -1);
        } else if (exchange.getRequestMethod().equals("HEAD")) {
            headers.set("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), -1);
        } else {
            byte[] bytes = Json.bytes(reply.body());
            headers.set("Content-Type", "application/json");
            exchange.sendResponseHeaders(reply.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        LOG.debug("{} {} -> {} (trackingid {})", exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                reply.status(), trackingId);
    }

    /** The client's {@code TrackingID} if it sent one, else a new {@code SIM_<uuid>}. */
    private static String trackingId(Headers requestHeaders) {
        String sent = requestHeaders.getFirst("TrackingID");
        return sent == null || sent.isBlank() ? "SIM_" + UUID.randomUUID() : sent.strip();
    }
}
