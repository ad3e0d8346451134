package io.github.wxcsdk.simulator;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Comparator;
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
 * authenticates it (401), reads its body, serves a pending fault, decides which member it acts on (403, 404), serves
 * the operation, and writes the answer. Every answer, error or not, carries the {@code trackingid} header.
 *
 * <p>Routes are path templates; where several match, the one with a literal segment leftmost wins, so
 * {@code members/me/mute} is matched before {@code members/{memberId}/mute}.
 */
final class Router implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(Router.class);
    private static final int MAX_BODY_BYTES = 64 * 1024;

    private final Directory directory;
    private final ApiGate gate;
    private final List<PathRoutes> paths;

    /** The routes of one path template, by method. */
    private record PathRoutes(PathTemplate path, Map<String, Route> byMethod) {
    }

    Router(Directory directory, List<Route> routes, ApiGate gate) {
        this.directory = directory;
        this.gate = gate;
        Map<String, PathRoutes> byTemplate = new LinkedHashMap<>();
        routes.forEach(r -> byTemplate.computeIfAbsent(r.path().template(),
                t -> new PathRoutes(r.path(), new LinkedHashMap<>())).byMethod().put(r.method(), r));
        this.paths = byTemplate.values().stream()
                .sorted(Comparator.comparing(PathRoutes::path, PathTemplate.MOST_SPECIFIC_FIRST))
                .toList();
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
        List<String> segments = PathTemplate.segments(exchange.getRequestURI().getRawPath())
                .orElseThrow(Problem.RESOURCE_NOT_FOUND::exception);
        PathRoutes routes = null;
        Map<String, String> pathValues = null;
        for (PathRoutes candidate : paths) {
            Optional<Map<String, String>> values = candidate.path().match(segments);
            if (values.isPresent()) {
                routes = candidate;
                pathValues = values.get();
                break;
            }
        }
        if (routes == null) {
            throw Problem.RESOURCE_NOT_FOUND.exception();
        }
        Route route = routes.byMethod().get(exchange.getRequestMethod());
        if (route == null) {
            return WebexErrors.of(Problem.METHOD_NOT_ALLOWED, Problem.METHOD_NOT_ALLOWED.message(), trackingId,
                    Map.of("Allow", String.join(", ", routes.byMethod().keySet())));
        }
        String token = null;
        Caller caller = null;
        if (route.target().authenticated()) {
            token = Tokens.fromAuthorization(exchange.getRequestHeaders().getFirst("Authorization"))
                    .orElseThrow(Problem.UNAUTHORIZED::exception);
            caller = directory.caller(token);
        }
        byte[] body = readBody(exchange);
        if (route.target().faultable()) {
            Optional<Fault> fault = caller.faults().take();
            if (fault.isPresent()) {
                pause(fault.get());
                return WebexErrors.of(fault.get(), trackingId);
            }
        }
        Map<String, String> query = QueryString.parse(exchange.getRequestURI().getRawQuery());
        UserState member = Access.member(directory, route, caller, pathValues, query);
        return route.operation().handle(new Request(token, caller, member, route.target(), pathValues, query, body));
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
