package io.github.wxcsdk.internal.conference;

import io.github.wxcsdk.internal.call.CallExecutor;
import io.github.wxcsdk.telephony.conference.ConferenceDetails;

import java.util.List;
import java.util.Optional;

/**
 * The synchronous conference operations of one scope: each is the shared rule of {@link ConferenceRequests} run by
 * the client's {@link CallExecutor}. Immutable; the user and member views add what only they have.
 */
abstract class SyncConferenceView {
    final ConferenceRequests requests;
    final CallExecutor executor;

    SyncConferenceView(ConferenceRequests requests, CallExecutor executor) {
        this.requests = requests;
        this.executor = executor;
    }

    public void startConference(List<String> callIds) {
        executor.execute(requests.startConference(callIds));
    }

    public void startConference(String first, String second, String... more) {
        executor.execute(requests.startConference(first, second, more));
    }

    public void addParticipant(String callId) {
        executor.execute(requests.addParticipant(callId));
    }

    public void mute() {
        executor.execute(requests.muteHost());
    }

    public void mute(String callId) {
        executor.execute(requests.mute(callId));
    }

    public void unmute() {
        executor.execute(requests.unmuteHost());
    }

    public void unmute(String callId) {
        executor.execute(requests.unmute(callId));
    }

    public void deafenParticipant(String callId) {
        executor.execute(requests.deafenParticipant(callId));
    }

    public void undeafenParticipant(String callId) {
        executor.execute(requests.undeafenParticipant(callId));
    }

    public void hold() {
        executor.execute(requests.hold());
    }

    public void resume() {
        executor.execute(requests.resume());
    }

    public Optional<ConferenceDetails> getConferenceDetails() {
        return executor.execute(requests.getConferenceDetails());
    }

    public void releaseConference() {
        executor.execute(requests.releaseConference());
    }

    public void bargeIn() {
        executor.execute(requests.bargeIn());
    }

    public void silentMonitor() {
        executor.execute(requests.silentMonitor());
    }

    public void supervisorCoach() {
        executor.execute(requests.supervisorCoach());
    }

    @Override
    public String toString() {
        return getClass().getInterfaces()[0].getSimpleName() + requests.scope();
    }
}
