package io.github.wxcsdk.simulator;

/**
 * One method and path the simulator serves.
 *
 * @param faultable whether injected faults apply (the conference API), or not (the control surface)
 */
record Route(String method, String path, boolean faultable, Operation operation) {
}
