package io.github.wxcsdk.internal.conference;

import io.github.wxcsdk.internal.wire.Recorder;
import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;
import io.github.wxcsdk.telephony.conference.ConferenceControlsAsyncApi;
import io.github.wxcsdk.telephony.conference.ConferenceOperationsApi;
import io.github.wxcsdk.telephony.conference.ConferenceOperationsAsyncApi;
import io.github.wxcsdk.telephony.conference.MemberConferenceControlsApi;
import io.github.wxcsdk.telephony.conference.MemberConferenceControlsAsyncApi;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operation descriptions are the one source of the views: each names the generated method its calls really make
 * in each scope, no two describe the same request, and every public operation method of every view is bound to one.
 */
class ConferenceOperationTest {
    private final Recorder recorder = new Recorder();

    @Test
    void eachDescriptionCallsTheGeneratedMethodsItNames() {
        List<String> mismatches = new ArrayList<>();
        for (ConferenceOperation operation : ConferenceOperation.values()) {
            String user = recordedName(operation, new Scope.User("owner"));
            String member = recordedName(operation, new Scope.Member("member", "org"));
            if (!user.equals(operation.operationId()) || !member.equals(operation.memberOperationId())) {
                mismatches.add(operation.method() + " calls " + user + " and " + member);
            }
        }
        assertEquals(List.of(), mismatches);
    }

    @Test
    void noTwoDescriptionsSendTheSameRequest() {
        Set<String> operationIds = new HashSet<>();
        for (ConferenceOperation operation : ConferenceOperation.values()) {
            assertTrue(operationIds.add(operation.operationId()), operation.operationId());
            assertTrue(operationIds.add(operation.memberOperationId()), operation.memberOperationId());
        }
        assertEquals(2 * ConferenceOperation.values().length, operationIds.size());
    }

    @Test
    void everyOperationMethodOfEveryViewRunsADescribedOperation() {
        List<String> unbound = new ArrayList<>();
        int bound = 0;
        for (Class<?> view : List.of(ConferenceControlsApi.class, MemberConferenceControlsApi.class,
                ConferenceControlsAsyncApi.class, MemberConferenceControlsAsyncApi.class)) {
            for (Method method : view.getMethods()) {
                if (method.getName().startsWith("for")) {
                    continue;
                }
                ConferenceOperation operation = ConferenceViews.operationOf(method);
                if (operation == null || !operation.method().equals(method.getName())) {
                    unbound.add(view.getSimpleName() + "." + method.getName());
                } else {
                    bound++;
                }
            }
        }
        assertEquals(List.of(), unbound);
        int operationMethods = ConferenceOperationsApi.class.getMethods().length
                + ConferenceOperationsAsyncApi.class.getMethods().length;
        assertEquals(2 * operationMethods, bound, "each operation method on the user and the member view");
        assertTrue(operationMethods >= 2 * 16, "the 13 operations (16 methods) at least, sync and async");
    }

    private String recordedName(ConferenceOperation operation, Scope scope) {
        Object argument = operation.arguments().check(sampleArguments(operation));
        return recorder.record(client -> scope.send(operation, client, argument, "WXCJAVA_test")).method().getName();
    }

    private static Object[] sampleArguments(ConferenceOperation operation) {
        if (operation.arguments() == ConferenceArguments.Rule.CALL_IDS) {
            return new Object[] {List.of("a", "b")};
        }
        if (operation.arguments() == ConferenceArguments.Rule.NONE) {
            return new Object[0];
        }
        return new Object[] {"call"};
    }
}
