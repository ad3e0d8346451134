package io.github.wxcsdk.internal.conference;

import io.github.wxcsdk.internal.call.RetryClass;
import io.github.wxcsdk.internal.generated.conference.api.ConferenceControlsClient;

import java.util.function.Function;

/**
 * One conference operation, described once for every view: the public method that offers it, the spec's
 * operationIds, how safe it is to resend, its argument rule, the generated method it calls in each scope (a lambda on
 * the generated Feign interface, so a spec change that breaks a call breaks the build), and how its answer becomes
 * the public result. {@link ConferenceOperations#ALL} holds them all; the views, the retry classes and the coverage
 * tests derive from it. Immutable.
 *
 * @param method            the name of the public method(s) of {@code ConferenceOperationsApi} that run it
 * @param operationId       the spec's operationId of the user-scope request (the generated method's name)
 * @param memberOperationId the spec's operationId of the member-scope request
 * @param retryClass        how safe it is to resend
 * @param arguments         checks the public method's arguments into the one argument the calls take
 * @param user              the generated call for the token's user (and a secondary line)
 * @param member            the generated call for a member of an org
 * @param result            maps the decoded answer ({@code null} for none) to the public result
 * @param <A>               the checked argument ({@link Void} when there is none)
 */
public record Operation<A>(String method, String operationId, String memberOperationId, RetryClass retryClass,
                           ConferenceArguments.Rule<A> arguments, Send<Scope.User, A> user,
                           Send<Scope.Member, A> member, Function<Object, ?> result) {

    /**
     * Makes the one call of the generated interface that sends the operation in a scope; the client records it.
     *
     * @param <S> the scope
     * @param <A> the checked argument
     */
    @FunctionalInterface
    public interface Send<S, A> {
        /**
         * @param client     the generated interface (a recording proxy)
         * @param scope      where the request goes
         * @param argument   the checked argument, {@code null} for none
         * @param trackingId the call's {@code TrackingID}
         */
        void send(ConferenceControlsClient client, S scope, A argument, String trackingId);
    }
}
