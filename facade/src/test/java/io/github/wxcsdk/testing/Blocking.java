package io.github.wxcsdk.testing;

import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;
import io.github.wxcsdk.telephony.conference.ConferenceControlsAsyncApi;
import io.github.wxcsdk.telephony.conference.ConferenceDetails;
import io.github.wxcsdk.telephony.conference.MemberConferenceControlsApi;
import io.github.wxcsdk.telephony.conference.MemberConferenceControlsAsyncApi;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The asynchronous API seen through the synchronous interfaces: each method calls its async twin and waits, and a
 * failed future rethrows its cause. Lets every test of the synchronous API (fault matrix, Retry-After table, canary)
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
        return new User(async);
    }

    /**
     * @param async the asynchronous member controls
     * @return the same controls, waiting for each call
     */
    public static MemberConferenceControlsApi of(MemberConferenceControlsAsyncApi async) {
        return new Member(async);
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

    private record User(ConferenceControlsAsyncApi async) implements ConferenceControlsApi {
        @Override
        public void startConference(List<String> callIds) {
            join(async.startConference(callIds));
        }

        @Override
        public void startConference(String first, String second, String... more) {
            join(async.startConference(first, second, more));
        }

        @Override
        public void addParticipant(String callId) {
            join(async.addParticipant(callId));
        }

        @Override
        public void mute() {
            join(async.mute());
        }

        @Override
        public void mute(String callId) {
            join(async.mute(callId));
        }

        @Override
        public void unmute() {
            join(async.unmute());
        }

        @Override
        public void unmute(String callId) {
            join(async.unmute(callId));
        }

        @Override
        public void deafenParticipant(String callId) {
            join(async.deafenParticipant(callId));
        }

        @Override
        public void undeafenParticipant(String callId) {
            join(async.undeafenParticipant(callId));
        }

        @Override
        public void hold() {
            join(async.hold());
        }

        @Override
        public void resume() {
            join(async.resume());
        }

        @Override
        public Optional<ConferenceDetails> getConferenceDetails() {
            return join(async.getConferenceDetails());
        }

        @Override
        public void releaseConference() {
            join(async.releaseConference());
        }

        @Override
        public void bargeIn() {
            join(async.bargeIn());
        }

        @Override
        public void silentMonitor() {
            join(async.silentMonitor());
        }

        @Override
        public void supervisorCoach() {
            join(async.supervisorCoach());
        }

        @Override
        public ConferenceControlsApi forLineOwner(String lineOwnerId) {
            return new User(async.forLineOwner(lineOwnerId));
        }

        @Override
        public MemberConferenceControlsApi forMember(String memberId) {
            return new Member(async.forMember(memberId));
        }

        @Override
        public MemberConferenceControlsApi forMember(String memberId, String orgId) {
            return new Member(async.forMember(memberId, orgId));
        }
    }

    private record Member(MemberConferenceControlsAsyncApi async) implements MemberConferenceControlsApi {
        @Override
        public void startConference(List<String> callIds) {
            join(async.startConference(callIds));
        }

        @Override
        public void startConference(String first, String second, String... more) {
            join(async.startConference(first, second, more));
        }

        @Override
        public void addParticipant(String callId) {
            join(async.addParticipant(callId));
        }

        @Override
        public void mute() {
            join(async.mute());
        }

        @Override
        public void mute(String callId) {
            join(async.mute(callId));
        }

        @Override
        public void unmute() {
            join(async.unmute());
        }

        @Override
        public void unmute(String callId) {
            join(async.unmute(callId));
        }

        @Override
        public void deafenParticipant(String callId) {
            join(async.deafenParticipant(callId));
        }

        @Override
        public void undeafenParticipant(String callId) {
            join(async.undeafenParticipant(callId));
        }

        @Override
        public void hold() {
            join(async.hold());
        }

        @Override
        public void resume() {
            join(async.resume());
        }

        @Override
        public Optional<ConferenceDetails> getConferenceDetails() {
            return join(async.getConferenceDetails());
        }

        @Override
        public void releaseConference() {
            join(async.releaseConference());
        }

        @Override
        public void bargeIn() {
            join(async.bargeIn());
        }

        @Override
        public void silentMonitor() {
            join(async.silentMonitor());
        }

        @Override
        public void supervisorCoach() {
            join(async.supervisorCoach());
        }
    }
}
