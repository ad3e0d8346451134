package io.github.wxcsdk.simulator;

/** Serves one route: validates the request, changes the user's state, says what to answer. */
@FunctionalInterface
interface Operation {
    /** Serves {@code request}; throws {@link ApiException} to answer with a Webex error instead. */
    Reply handle(Request request);
}
