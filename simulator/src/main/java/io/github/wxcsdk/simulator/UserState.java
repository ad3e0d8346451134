package io.github.wxcsdk.simulator;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The calls and conferences of one member (a person, workspace or virtual line): active calls, one conference per
 * line. Every method holds this object's lock for its whole check-then-change, so concurrent requests on one member
 * never lose an update; different members never contend.
 */
final class UserState {
    /** The map key of the user's own line; blank lineOwnerIds are rejected before they get here, so no collision. */
    private static final String OWN_LINE = "";

    private final Clock clock;
    private final Set<String> calls = new HashSet<>();
    private final Map<String, Conference> conferences = new HashMap<>();
    private int lastAppearance;

    UserState(Clock clock) {
        this.clock = clock;
    }

    /** @return false when the user already has a call with this id */
    synchronized boolean addCall(String callId) {
        return calls.add(callId);
    }

    synchronized void clear() {
        calls.clear();
        conferences.clear();
        lastAppearance = 0;
    }

    synchronized void startConference(Optional<String> lineOwnerId, List<String> callIds) {
        callIds.forEach(this::requireKnownCall);
        for (String callId : callIds) {
            if (isInAnyConference(callId)) {
                throw Problem.CALL_IN_ANOTHER_CONFERENCE.exception();
            }
        }
        String line = lineKey(lineOwnerId);
        if (conferences.containsKey(line)) {
            throw Problem.CONFERENCE_ALREADY_ACTIVE.exception();
        }
        lastAppearance++;
        conferences.put(line, Conference.start(clock.instant().truncatedTo(ChronoUnit.MILLIS), lastAppearance, callIds));
    }

    /**
     * Gives the member the calls {@code legs} joined in a conference of type {@code silentMonitoring} on its own line:
     * the member supervises a call.
     */
    synchronized void startSupervision(List<String> legs) {
        if (conferences.containsKey(OWN_LINE)) {
            throw Problem.CONFERENCE_ALREADY_ACTIVE.exception();
        }
        calls.addAll(legs);
        lastAppearance++;
        Conference conference = Conference.start(clock.instant().truncatedTo(ChronoUnit.MILLIS), lastAppearance, legs);
        conferences.put(OWN_LINE, conference.withType(ConferenceType.SILENT_MONITORING));
    }

    /**
     * Switches the supervisor's conference on the member's own line to {@code mode}; the supervisor operations take no
     * lineOwnerId.
     *
     * @throws ApiException {@link Problem#CONFERENCE_NOT_FOUND} without a conference, {@link Problem#NOT_A_SUPERVISION}
     *                      on a standard conference
     */
    synchronized void setSupervisionMode(ConferenceType mode) {
        Conference conference = requireConference(Optional.empty());
        if (conference.supervisionMode().isEmpty()) {
            throw Problem.NOT_A_SUPERVISION.exception("This is a standard conference.");
        }
        conferences.put(OWN_LINE, conference.withType(mode));
    }

    synchronized void addParticipant(Optional<String> lineOwnerId, String callId) {
        Conference conference = requireConference(lineOwnerId);
        requireKnownCall(callId);
        if (conference.hasParticipant(callId)) {
            throw Problem.ALREADY_A_PARTICIPANT.exception();
        }
        if (isInAnyConference(callId)) {
            throw Problem.CALL_IN_ANOTHER_CONFERENCE.exception();
        }
        conferences.put(lineKey(lineOwnerId), conference.withParticipant(callId));
    }

    /** Releases the conference: like Webex, this ends the host's and every participant's call. */
    synchronized void release(Optional<String> lineOwnerId) {
        Conference released = conferences.remove(lineKey(lineOwnerId));
        if (released == null) {
            throw Problem.CONFERENCE_NOT_FOUND.exception();
        }
        released.participants().forEach(p -> calls.remove(p.callId()));
    }

    synchronized void setHeld(Optional<String> lineOwnerId, boolean held) {
        conferences.put(lineKey(lineOwnerId), requireConference(lineOwnerId).withHeld(held));
    }

    /** Mutes or unmutes the host of the conference on the user's own line (mute has no lineOwnerId). */
    synchronized void setHostMuted(boolean muted) {
        conferences.put(OWN_LINE, requireConference(Optional.empty()).withHostMuted(muted));
    }

    /** Changes the participant {@code callId} in whichever of the user's conferences it is in. */
    synchronized void updateParticipant(String callId, UnaryOperator<Participant> change) {
        requireKnownCall(callId);
        if (conferences.isEmpty()) {
            throw Problem.CONFERENCE_NOT_FOUND.exception();
        }
        Map.Entry<String, Conference> entry = conferences.entrySet().stream()
                .filter(e -> e.getValue().hasParticipant(callId))
                .findFirst()
                .orElseThrow(Problem.NOT_A_PARTICIPANT::exception);
        entry.setValue(entry.getValue().withUpdatedParticipant(callId, change));
    }

    synchronized Optional<Conference> conference(Optional<String> lineOwnerId) {
        return Optional.ofNullable(conferences.get(lineKey(lineOwnerId)));
    }

    private Conference requireConference(Optional<String> lineOwnerId) {
        Conference conference = conferences.get(lineKey(lineOwnerId));
        if (conference == null) {
            throw Problem.CONFERENCE_NOT_FOUND.exception();
        }
        return conference;
    }

    /** @throws ApiException {@link Problem#CALL_NOT_FOUND} when the member has no such active call */
    synchronized void requireCall(String callId) {
        requireKnownCall(callId);
    }

    private void requireKnownCall(String callId) {
        if (!calls.contains(callId)) {
            throw Problem.CALL_NOT_FOUND.exception();
        }
    }

    private boolean isInAnyConference(String callId) {
        return conferences.values().stream().anyMatch(c -> c.hasParticipant(callId));
    }

    private static String lineKey(Optional<String> lineOwnerId) {
        return lineOwnerId.orElse(OWN_LINE);
    }
}
