package io.github.wxcsdk.internal.wire;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Consumer;

/**
 * Records a call of the generated interface as a {@link RecordedCall}: the façade writes
 * {@code client -> client.muteConference(body, trackingId)}, checked by the compiler against the regenerated
 * interface, and nothing is sent. Each recording uses a new proxy instance of one cached proxy class, so recordings on
 * many threads share no state. Thread-safe.
 *
 * @param <T> the generated interface
 */
public final class Recorder<T> {
    private final Class<T> api;
    private final Constructor<?> proxyConstructor;

    public Recorder(Class<T> api) {
        this.api = api;
        try {
            // the class of any proxy of the interface: its instances differ only in their handler
            Constructor<?> constructor = Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api},
                    (proxy, method, args) -> null).getClass().getConstructor(InvocationHandler.class);
            // On the module path the generated package is exported to this module only, so the proxy class lives in
            // a dynamic module that does not export it here: Proxy then makes each instance itself.
            this.proxyConstructor = constructor.canAccess(null) ? constructor : null;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("A proxy class has the InvocationHandler constructor", e);
        }
    }

    /**
     * @param invocation calls one method of the interface once
     * @return that call
     * @throws IllegalStateException when {@code invocation} calls no method or more than one
     */
    public RecordedCall record(Consumer<T> invocation) {
        Capture capture = new Capture();
        invocation.accept(api.cast(newProxy(capture)));
        if (capture.call == null) {
            throw new IllegalStateException("Nothing was called on " + api.getSimpleName());
        }
        return capture.call;
    }

    private Object newProxy(Capture capture) {
        if (proxyConstructor == null) {
            return Proxy.newProxyInstance(api.getClassLoader(), new Class<?>[] {api}, capture);
        }
        try {
            return proxyConstructor.newInstance(capture);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot record a call of " + api.getSimpleName(), e);
        }
    }

    /** Keeps the one call made on its proxy; the proxy's results are {@code null}, which the façade ignores. */
    private static final class Capture implements InvocationHandler {
        private RecordedCall call;

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) {
            if (method.getDeclaringClass() == Object.class) {
                throw new UnsupportedOperationException("A recording proxy has no " + method.getName());
            }
            if (call != null) {
                throw new IllegalStateException("One call per recording: " + method.getName());
            }
            call = new RecordedCall(method, args == null ? new Object[0] : args);
            return null;
        }
    }
}
