package io.github.wxcsdk.testing;

import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;
import io.github.wxcsdk.telephony.conference.ConferenceControlsAsyncApi;
import io.github.wxcsdk.telephony.conference.MemberConferenceControlsApi;
import io.github.wxcsdk.telephony.conference.MemberConferenceControlsAsyncApi;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The asynchronous API seen through the synchronous interfaces: each method calls its async twin (same name and
 * parameters, found by reflection, so nothing here is written per operation) and waits, and a failed future rethrows
 * its cause. Lets every test of the synchronous API (fault matrix, Retry-After table, canary)
 * run through the asynchronous one unchanged.
 */
public final class Blocking {
    private Blocking() {
    }

    /**
     * @param async the asynchronous controls
     * @return the same controls, waiting for each call
     */
    public static ConferenceControlsApi of(ConferenceControlsAsyncApi async) {
        return blocking(ConferenceControlsApi.class, ConferenceControlsAsyncApi.class, async);
    }

    /**
     * @param async the asynchronous member controls
     * @return the same controls, waiting for each call
     */
    public static MemberConferenceControlsApi of(MemberConferenceControlsAsyncApi async) {
        return blocking(MemberConferenceControlsApi.class, MemberConferenceControlsAsyncApi.class, async);
    }

    /**
     * Waits for a future; its failure's cause is rethrown as it is, as the synchronous API would have thrown it.
     *
     * @param future the future
     * @param <T>    its value
     * @return its value
     */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /**
     * One proxy serves every view: each synchronous method calls the asynchronous method of the same name and
     * parameters and waits; a view it returns is wrapped again.
     */
    private static <S> S blocking(Class<S> syncApi, Class<?> asyncApi, Object async) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "Blocking(" + async + ")";
                };
            }
            Object result;
            try {
                result = asyncApi.getMethod(method.getName(), method.getParameterTypes()).invoke(async, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result instanceof CompletableFuture<?> future) {
                return join(future);
            }
            if (result instanceof ConferenceControlsAsyncApi view) {
                return of(view);
            }
            if (result instanceof MemberConferenceControlsAsyncApi view) {
                return of(view);
            }
            throw new AssertionError("unexpected result of " + method + ": " + result);
        };
        return syncApi.cast(Proxy.newProxyInstance(syncApi.getClassLoader(), new Class<?>[] {syncApi}, handler));
    }
}
