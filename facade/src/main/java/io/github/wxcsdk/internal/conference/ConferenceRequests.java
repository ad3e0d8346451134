package io.github.wxcsdk.internal.conference;

import io.github.wxcsdk.internal.call.Call;
import io.github.wxcsdk.internal.call.RetryClass;
import io.github.wxcsdk.internal.wire.Recorder;
import io.github.wxcsdk.internal.generated.conference.api.ConferenceControlsClient;
import io.github.wxcsdk.internal.generated.conference.model.MuteRequest;
import io.github.wxcsdk.internal.generated.conference.model.ParticipantRequest;
import io.github.wxcsdk.telephony.conference.ConferenceDetails;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The one implementation of each conference operation's rules, for every view (user, line owner, member; sync and
 * async): it checks the arguments before anything is sent, builds the body, and gives the operation its retry class.
 * The result is a {@link Call} that an executor runs. Immutable.
 */
public final class ConferenceRequests {
    private final Recorder<ConferenceControlsClient> recorder;
    private final ConferenceEndpoints endpoints;

    public ConferenceRequests(Recorder<ConferenceControlsClient> recorder, ConferenceEndpoints endpoints) {
        this.recorder = recorder;
        this.endpoints = endpoints;
    }

    /** @return the same rules for another scope (a secondary line, a member) */
    ConferenceRequests in(ConferenceEndpoints scope) {
        return new ConferenceRequests(recorder, scope);
    }

    ConferenceEndpoints scope() {
        return endpoints;
    }

    Call<Void> startConference(List<String> callIds) {
        List<String> ids = ConferenceArguments.requireCallIds(callIds);
        return Call.withoutResult(RetryClass.NOT_IDEMPOTENT,
                trackingId -> recorder.record(client -> endpoints.start(client, trackingId, ids)));
    }

    Call<Void> startConference(String first, String second, String... more) {
        Objects.requireNonNull(more, "more must not be null");
        List<String> callIds = new ArrayList<>(2 + more.length);
        callIds.add(first);
        callIds.add(second);
        callIds.addAll(Arrays.asList(more));
        return startConference(callIds);
    }

    Call<Void> addParticipant(String callId) {
        String id = participant(callId);
        return Call.withoutResult(RetryClass.NOT_IDEMPOTENT,
                trackingId -> recorder.record(client -> endpoints.addParticipant(client, trackingId, id)));
    }

    Call<Void> muteHost() {
        return stateChange((client, trackingId) -> endpoints.mute(client, trackingId, new MuteRequest()));
    }

    Call<Void> mute(String callId) {
        MuteRequest body = new MuteRequest().callId(participant(callId));
        return stateChange((client, trackingId) -> endpoints.mute(client, trackingId, body));
    }

    Call<Void> unmuteHost() {
        return stateChange((client, trackingId) -> endpoints.unmute(client, trackingId, new MuteRequest()));
    }

    Call<Void> unmute(String callId) {
        MuteRequest body = new MuteRequest().callId(participant(callId));
        return stateChange((client, trackingId) -> endpoints.unmute(client, trackingId, body));
    }

    Call<Void> deafenParticipant(String callId) {
        ParticipantRequest body = new ParticipantRequest().callId(participant(callId));
        return stateChange((client, trackingId) -> endpoints.deafen(client, trackingId, body));
    }

    Call<Void> undeafenParticipant(String callId) {
        ParticipantRequest body = new ParticipantRequest().callId(participant(callId));
        return stateChange((client, trackingId) -> endpoints.undeafen(client, trackingId, body));
    }

    Call<Void> hold() {
        return stateChange(endpoints::hold);
    }

    Call<Void> resume() {
        return stateChange(endpoints::resume);
    }

    Call<Void> bargeIn() {
        return stateChange(endpoints::bargeIn);
    }

    Call<Void> silentMonitor() {
        return stateChange(endpoints::silentMonitor);
    }

    Call<Void> supervisorCoach() {
        return stateChange(endpoints::supervisorCoach);
    }

    Call<Optional<ConferenceDetails>> getConferenceDetails() {
        return new Call<>(RetryClass.IDEMPOTENT,
                trackingId -> recorder.record(client -> endpoints.details(client, trackingId)),
                answer -> ConferenceDetailsMapper.toPublic(
                        (io.github.wxcsdk.internal.generated.conference.model.ConferenceDetails) answer));
    }

    Call<Void> releaseConference() {
        return Call.withoutResult(RetryClass.IDEMPOTENT,
                trackingId -> recorder.record(client -> endpoints.release(client, trackingId)));
    }

    /** Mute, deafen, hold and the supervisor operations, and their inverses: resent after an ambiguous failure. */
    private Call<Void> stateChange(BiConsumer<ConferenceControlsClient, String> endpoint) {
        return Call.withoutResult(RetryClass.STATE_CHANGE,
                trackingId -> recorder.record(client -> endpoint.accept(client, trackingId)));
    }

    private static String participant(String callId) {
        return ConferenceArguments.requireId(callId, "callId");
    }
}
