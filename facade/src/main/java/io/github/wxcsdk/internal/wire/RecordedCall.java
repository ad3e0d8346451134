package io.github.wxcsdk.internal.wire;

import java.lang.reflect.Method;

/**
 * One call of a method of the generated Feign interface, recorded instead of sent: the executors turn it into a
 * request per attempt through the method's {@link RequestPlan}.
 *
 * @param method the generated method
 * @param args   its arguments, never changed after recording
 */
public record RecordedCall(Method method, Object[] args) {
}
