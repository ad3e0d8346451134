package io.github.wxcsdk.contract.gates;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.wxcsdk.WebexSimpleApi;
import io.github.wxcsdk.WebexSimpleAsyncApi;
import io.github.wxcsdk.contract.Facade;
import io.github.wxcsdk.telephony.TelephonyApi;
import io.github.wxcsdk.telephony.TelephonyAsyncApi;
import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/**
 * What the façade sends: every public method of every entry point, found by reflection so that a new one is included
 * without anyone listing it, called once against a recording loopback server. The walk starts at
 * {@link WebexSimpleApi#telephony()} and at {@link WebexSimpleAsyncApi#telephony()}; a method that returns another view of the API (an interface of the public API,
 * such as {@link ConferenceControlsApi} from {@code conference()} or {@code forLineOwner(String)}) is followed into
 * that view, each such method at most once on a path, so every view (user, line owner, member, member in an org,
 * asynchronous) is walked; any other method is called, and what it returns awaited when it is a
 * {@link CompletionStage}. The server answers GET with {@code {}} and everything else with 204.
 */
final class FacadeReach {
    /** The package of the public API; interfaces in it and below are views. */
    private static final String PUBLIC_API = "io.github.wxcsdk";
    /** How the methods of the asynchronous client are named, before the path from its {@code telephony()}. */
    static final String ASYNC = "async ";

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
     * @return for each façade method (for instance {@code conference().mute(String)},
     *         {@code conference().forMember(String, String).hold()}, or {@code async conference().bargeIn()} on the
     *         asynchronous client), the requests one call of it sent, sorted by method
     */
    static Map<String, List<Request>> ofEveryMethod() {
        List<Request> received = new ArrayList<>();
        HttpServer server = startRecording(received);
        try {
            String url = "http://" + server.getAddress().getAddress().getHostAddress() + ":"
                    + server.getAddress().getPort();
            Map<String, List<Request>> reach = new TreeMap<>();
            walk(Facade.builder(url).maxRetries(0).build().telephony(), TelephonyApi.class, "", Set.of(), reach,
                    received);
            try (WebexSimpleAsyncApi async = Facade.builder(url).maxRetries(0).buildAsync()) {
                walk(async.telephony(), TelephonyAsyncApi.class, ASYNC, Set.of(), reach, received);
            }
            return reach;
        } finally {
            server.stop(0);
        }
    }

    /**
     * Calls every method of a view, following the methods that return views.
     *
     * @param followed the names of the view methods on the path to this view, which are not followed again (so
     *                 {@code forLineOwner(a).forLineOwner(b)} is not walked)
     */
    private static void walk(Object view, Class<?> type, String path, Set<String> followed,
                             Map<String, List<Request>> reach, List<Request> received) {
        for (Method method : sorted(type.getMethods())) {
            if (Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            if (isView(method.getReturnType())) {
                if (!followed.contains(method.getName())) {
                    Set<String> next = new HashSet<>(followed);
                    next.add(method.getName());
                    walk(call(view, method), method.getReturnType(), path + signature(method) + ".", next, reach,
                            received);
                }
            } else {
                reach.put(path + signature(method), sent(view, method, received));
            }
        }
    }

    /** A view: an interface of the public API, whose methods are entry points too. */
    private static boolean isView(Class<?> type) {
        return type.isInterface() && type.getPackageName().startsWith(PUBLIC_API);
    }

    private static List<Request> sent(Object target, Method method, List<Request> received) {
        synchronized (received) {
            received.clear();
        }
        if (call(target, method) instanceof CompletionStage<?> pending) {
            try {
                pending.toCompletableFuture().join();
            } catch (CompletionException e) {
                throw new IllegalStateException(signature(method) + " failed against the recording server",
                        e.getCause());
            }
        }
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    private static Object call(Object target, Method method) {
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
