package io.github.wxcsdk.internal.conference;

import io.github.wxcsdk.internal.call.AsyncCallExecutor;
import io.github.wxcsdk.internal.call.Call;
import io.github.wxcsdk.internal.call.CallExecutor;
import io.github.wxcsdk.internal.wire.Recorder;
import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;
import io.github.wxcsdk.telephony.conference.ConferenceControlsAsyncApi;
import io.github.wxcsdk.telephony.conference.ConferenceOperationsApi;
import io.github.wxcsdk.telephony.conference.ConferenceOperationsAsyncApi;
import io.github.wxcsdk.telephony.conference.MemberConferenceControlsApi;
import io.github.wxcsdk.telephony.conference.MemberConferenceControlsAsyncApi;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The four public views (user and member, sync and async), derived from the operation descriptions
 * ({@link ConferenceOperation}) instead of written per operation: each view is a proxy of its public interface whose
 * methods are bound, by name and parameter list, to the operation they run, each on its first call (a method of
 * {@link ConferenceOperationsApi} or {@link ConferenceOperationsAsyncApi} without a description fails then;
 * {@code ConferenceOperationTest} binds them all). A call checks its arguments by the operation's rule, and the
 * client's executor runs it. Views are immutable; {@code forLineOwner} and {@code forMember} make new ones.
 */
public final class ConferenceViews {
    private static final Object[] NO_ARGUMENTS = new Object[0];

    private ConferenceViews() {
    }

    /**
     * @param executor runs calls on the caller's thread
     * @return the token user's conference controls
     */
    public static ConferenceControlsApi user(CallExecutor executor) {
        return Style.SYNC.view(new Scope.User(null), new Runner(executor::execute));
    }

    /**
     * @param executor runs calls without blocking
     * @return the token user's asynchronous conference controls
     */
    public static ConferenceControlsAsyncApi asyncUser(AsyncCallExecutor executor) {
        return Style.ASYNC.view(new Scope.User(null), new Runner(executor::execute));
    }

    /**
     * @param method a method of a view's interface
     * @return the operation it runs, or {@code null} for a method that runs none ({@code forMember}, {@code toString})
     * @throws IllegalStateException when an operations interface declares a method no description has
     */
    static ConferenceOperation operationOf(Method method) {
        Class<?> declaring = method.getDeclaringClass();
        if (declaring != ConferenceOperationsApi.class && declaring != ConferenceOperationsAsyncApi.class) {
            return null;
        }
        for (ConferenceOperation operation : ConferenceOperation.values()) {
            if (operation.method().equals(method.getName())
                    && operation.arguments().accepts(method.getParameterTypes())) {
                return operation;
            }
        }
        throw new IllegalStateException(declaring.getSimpleName() + "." + method.getName()
                + " has no description in ConferenceOperation");
    }

    /** Runs calls for the views of one client; one recorder of the generated interface per client. */
    private record Runner(Function<Call<Object>, Object> executor, Recorder recorder,
                          Map<Method, ConferenceOperation> bindings) {
        Runner(Function<Call<Object>, Object> executor) {
            this(executor, new Recorder(), new ConcurrentHashMap<>());
        }

        /** @return the operation of a view's method, {@code null} for none; bound on its first call */
        ConferenceOperation operation(Method method) {
            ConferenceOperation operation = bindings.get(method);
            if (operation == null) {
                operation = operationOf(method);
                if (operation != null) {
                    bindings.put(method, operation);
                }
            }
            return operation;
        }

        Object run(ConferenceOperation operation, Scope scope, Object[] args) {
            Object argument = operation.arguments().check(args);
            return executor.apply(new Call<>(operation.retryClass(),
                    trackingId -> recorder.record(client -> scope.send(operation, client, argument, trackingId)),
                    operation::result));
        }
    }

    /** The two families of views: their public interfaces. */
    private enum Style {
        SYNC(ConferenceControlsApi.class, MemberConferenceControlsApi.class),
        ASYNC(ConferenceControlsAsyncApi.class, MemberConferenceControlsAsyncApi.class);

        private final Class<?> user;
        private final Class<?> member;

        Style(Class<?> user, Class<?> member) {
            this.user = user;
            this.member = member;
        }

        <V> V view(Scope scope, Runner runner) {
            Class<?> api = scope instanceof Scope.Member ? member : user;
            @SuppressWarnings("unchecked")
            V view = (V) Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api},
                    new View(this, api, scope, runner));
            return view;
        }
    }

    /** One view: its scope and the client's runner. */
    private record View(Style style, Class<?> api, Scope scope, Runner runner) implements InvocationHandler {
        @Override
        public Object invoke(Object proxy, Method method, Object[] args) {
            Object[] arguments = args == null ? NO_ARGUMENTS : args;
            ConferenceOperation operation = runner.operation(method);
            if (operation != null) {
                return runner.run(operation, scope, arguments);
            }
            switch (method.getName()) {
                case "forLineOwner":
                    return style.view(new Scope.User(
                            ConferenceArguments.requireId((String) arguments[0], "lineOwnerId")), runner);
                case "forMember":
                    return style.view(new Scope.Member(
                            ConferenceArguments.requireId((String) arguments[0], "memberId"),
                            arguments.length == 2 ? ConferenceArguments.requireId((String) arguments[1], "orgId")
                                    : null), runner);
                case "equals":
                    return proxy == arguments[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "toString":
                    return api.getSimpleName() + scope;
                default:
                    throw new UnsupportedOperationException(method.toString());
            }
        }
    }
}
