package io.github.wxcsdk.internal.conference;

import io.github.wxcsdk.internal.call.AsyncCallExecutor;
import io.github.wxcsdk.telephony.conference.ConferenceDetails;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The asynchronous conference operations of one scope: each is the shared rule of {@link ConferenceRequests} run by
 * the client's {@link AsyncCallExecutor}. Arguments are checked when the method is called, before a future exists.
 * Immutable; the user and member views add what only they have.
 */
abstract class AsyncConferenceView {
    final ConferenceRequests requests;
    final AsyncCallExecutor executor;

    AsyncConferenceView(ConferenceRequests requests, AsyncCallExecutor executor) {
        this.requests = requests;
        this.executor = executor;
    }

    public CompletableFuture<Void> startConference(List<String> callIds) {
        return executor.execute(requests.startConference(callIds));
    }

    public CompletableFuture<Void> startConference(String first, String second, String... more) {
        return executor.execute(requests.startConference(first, second, more));
    }

    public CompletableFuture<Void> addParticipant(String callId) {
        return executor.execute(requests.addParticipant(callId));
    }

    public CompletableFuture<Void> mute() {
        return executor.execute(requests.muteHost());
    }

    public CompletableFuture<Void> mute(String callId) {
        return executor.execute(requests.mute(callId));
    }

    public CompletableFuture<Void> unmute() {
        return executor.execute(requests.unmuteHost());
    }

    public CompletableFuture<Void> unmute(String callId) {
        return executor.execute(requests.unmute(callId));
    }

    public CompletableFuture<Void> deafenParticipant(String callId) {
        return executor.execute(requests.deafenParticipant(callId));
    }

    public CompletableFuture<Void> undeafenParticipant(String callId) {
        return executor.execute(requests.undeafenParticipant(callId));
    }

    public CompletableFuture<Void> hold() {
        return executor.execute(requests.hold());
    }

    public CompletableFuture<Void> resume() {
        return executor.execute(requests.resume());
    }

    public CompletableFuture<Optional<ConferenceDetails>> getConferenceDetails() {
        return executor.execute(requests.getConferenceDetails());
    }

    public CompletableFuture<Void> releaseConference() {
        return executor.execute(requests.releaseConference());
    }

    public CompletableFuture<Void> bargeIn() {
        return executor.execute(requests.bargeIn());
    }

    public CompletableFuture<Void> silentMonitor() {
        return executor.execute(requests.silentMonitor());
    }

    public CompletableFuture<Void> supervisorCoach() {
        return executor.execute(requests.supervisorCoach());
    }

    @Override
    public String toString() {
        return getClass().getInterfaces()[0].getSimpleName() + requests.scope();
    }
}
