package io.github.wxcsdk.internal;

import io.github.wxcsdk.internal.generated.conference.api.ConferenceControlsClient;
import io.github.wxcsdk.internal.generated.conference.model.AddParticipantRequest;
import io.github.wxcsdk.internal.generated.conference.model.MuteRequest;
import io.github.wxcsdk.internal.generated.conference.model.ParticipantRequest;
import io.github.wxcsdk.internal.generated.conference.model.StartConferenceRequest;
import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;
import io.github.wxcsdk.telephony.conference.ConferenceDetails;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The conference controls over the generated client: checks arguments, builds the wire request, and runs it through
 * the {@link CallExecutor}. Immutable; {@link #forLineOwner(String)} returns a new view.
 */
final class DefaultConferenceControlsApi implements ConferenceControlsApi {
    private final ConferenceControlsClient client;
    private final CallExecutor executor;
    /** The secondary line this view acts on, or {@code null} for the user's own line. */
    private final String lineOwnerId;

    DefaultConferenceControlsApi(ConferenceControlsClient client, CallExecutor executor, String lineOwnerId) {
        this.client = client;
        this.executor = executor;
        this.lineOwnerId = lineOwnerId;
    }

    @Override
    public void startConference(List<String> callIds) {
        StartConferenceRequest body = new StartConferenceRequest()
                .callIds(ConferenceArguments.requireCallIds(callIds))
                .lineOwnerId(lineOwnerId);
        executor.run(RetryClass.NOT_IDEMPOTENT, trackingId -> client.startConference(body, trackingId));
    }

    @Override
    public void startConference(String first, String second, String... more) {
        Objects.requireNonNull(more, "more must not be null");
        List<String> callIds = new ArrayList<>(2 + more.length);
        callIds.add(first);
        callIds.add(second);
        callIds.addAll(java.util.Arrays.asList(more));
        startConference(callIds);
    }

    @Override
    public void addParticipant(String callId) {
        AddParticipantRequest body = new AddParticipantRequest()
                .callId(participant(callId))
                .lineOwnerId(lineOwnerId);
        executor.run(RetryClass.NOT_IDEMPOTENT, trackingId -> client.addParticipant(body, trackingId));
    }

    @Override
    public void mute() {
        setState(client::muteConference, new MuteRequest());
    }

    @Override
    public void mute(String callId) {
        setState(client::muteConference, new MuteRequest().callId(participant(callId)));
    }

    @Override
    public void unmute() {
        setState(client::unmuteConference, new MuteRequest());
    }

    @Override
    public void unmute(String callId) {
        setState(client::unmuteConference, new MuteRequest().callId(participant(callId)));
    }

    @Override
    public void deafenParticipant(String callId) {
        ParticipantRequest body = new ParticipantRequest().callId(participant(callId));
        setState((trackingId, request) -> client.deafenParticipant(request, trackingId), body);
    }

    @Override
    public void undeafenParticipant(String callId) {
        ParticipantRequest body = new ParticipantRequest().callId(participant(callId));
        setState((trackingId, request) -> client.undeafenParticipant(request, trackingId), body);
    }

    @Override
    public void hold() {
        executor.run(RetryClass.STATE_CHANGE, trackingId -> client.holdConference(trackingId, lineOwnerId));
    }

    @Override
    public void resume() {
        executor.run(RetryClass.STATE_CHANGE, trackingId -> client.resumeConference(trackingId, lineOwnerId));
    }

    @Override
    public Optional<ConferenceDetails> getConferenceDetails() {
        return ConferenceDetailsMapper.toPublic(executor.call(RetryClass.IDEMPOTENT,
                trackingId -> client.getConferenceDetails(trackingId, lineOwnerId)));
    }

    @Override
    public void releaseConference() {
        executor.run(RetryClass.IDEMPOTENT, trackingId -> client.releaseConference(trackingId, lineOwnerId));
    }

    @Override
    public ConferenceControlsApi forLineOwner(String lineOwnerId) {
        return new DefaultConferenceControlsApi(client, executor,
                ConferenceArguments.requireId(lineOwnerId, "lineOwnerId"));
    }

    /** Sends a state change (mute, deafen and their inverses) with its retry class. */
    private <B> void setState(BiConsumer<String, B> endpoint, B body) {
        executor.run(RetryClass.STATE_CHANGE, trackingId -> endpoint.accept(trackingId, body));
    }

    private static String participant(String callId) {
        return ConferenceArguments.requireId(callId, "callId");
    }

    @Override
    public String toString() {
        return "ConferenceControlsApi" + (lineOwnerId == null ? "" : "{lineOwnerId=" + lineOwnerId + '}');
    }
}
