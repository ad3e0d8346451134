package io.github.wxcsdk.contract.gates;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.wxcsdk.contract.Facade;
import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the façade sends: every public method of {@link ConferenceControlsApi}, found by reflection so that a new one
 * is included without anyone listing it, called once against a recording loopback server, on the user's own line and
 * on a line owner's line ({@link ConferenceControlsApi#forLineOwner(String)}). The server answers GET with {@code {}}
 * and everything else with 204.
 */
final class FacadeReach {
    private FacadeReach() {
    }

    /**
     * One request the façade sent.
     *
     * @param method the HTTP method
     * @param path   the full path, API root included
     */
    record Request(String method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /**
     * @return for each façade method (for instance {@code mute(String)} or {@code forLineOwner(String).hold()}), the
     *         requests one call of it sent, sorted by method
     */
    static Map<String, List<Request>> ofEveryMethod() {
        List<Request> received = new ArrayList<>();
        HttpServer server = startRecording(received);
        try {
            String url = "http://" + server.getAddress().getAddress().getHostAddress() + ":"
                    + server.getAddress().getPort();
            ConferenceControlsApi conference = Facade.builder(url).maxRetries(0).build().telephony().conference();
            Map<String, List<Request>> reach = new TreeMap<>();
            for (Method method : sorted(ConferenceControlsApi.class.getMethods())) {
                if (method.getReturnType() == ConferenceControlsApi.class) {
                    ConferenceControlsApi view = (ConferenceControlsApi) call(conference, method);
                    for (Method onView : sorted(ConferenceControlsApi.class.getMethods())) {
                        if (onView.getReturnType() != ConferenceControlsApi.class) {
                            reach.put(signature(method) + "." + signature(onView), sent(view, onView, received));
                        }
                    }
                } else {
                    reach.put(signature(method), sent(conference, method, received));
                }
            }
            return reach;
        } finally {
            server.stop(0);
        }
    }

    private static List<Request> sent(ConferenceControlsApi target, Method method, List<Request> received) {
        synchronized (received) {
            received.clear();
        }
        call(target, method);
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    private static Object call(ConferenceControlsApi target, Method method) {
        Object[] arguments = Arrays.stream(method.getParameterTypes()).map(FacadeReach::example).toArray();
        try {
            return method.invoke(target, arguments);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(signature(method) + " failed against the recording server", e.getCause());
        }
    }

    /** A valid argument of each parameter type the façade uses; a new type must be taught here. */
    private static Object example(Class<?> type) {
        if (type == String.class) {
            return "c1";
        }
        if (type == List.class) {
            return List.of("c1", "c2");
        }
        if (type == String[].class) {
            return new String[0];
        }
        throw new IllegalStateException("No example argument of type " + type.getName() + ": add one to "
                + FacadeReach.class.getSimpleName());
    }

    private static List<Method> sorted(Method[] methods) {
        return Arrays.stream(methods).sorted(Comparator.comparing(FacadeReach::signature)).toList();
    }

    private static String signature(Method method) {
        return method.getName() + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName)
                .collect(Collectors.joining(", ", "(", ")"));
    }

    private static HttpServer startRecording(List<Request> received) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> answer(exchange, received));
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void answer(HttpExchange exchange, List<Request> received) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            in.readAllBytes();
            synchronized (received) {
                received.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getPath()));
            }
            if (exchange.getRequestMethod().equals("GET")) {
                byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            } else {
                exchange.sendResponseHeaders(204, -1);
            }
        }
    }
}
