package io.github.wxcsdk.cli;

import io.github.wxcsdk.telephony.conference.ConferenceDetails;
import io.github.wxcsdk.telephony.conference.ConferenceParticipant;

import java.util.Optional;

/** Renders a conference, as the library reports it, as a small text table for people. */
final class ConferenceTable {
    private ConferenceTable() {
    }

    static String render(Optional<ConferenceDetails> conference) {
        if (conference.isEmpty()) {
            return "No active conference.\n";
        }
        ConferenceDetails details = conference.get();
        StringBuilder text = new StringBuilder()
                .append("state: ").append(orDash(details.stateAsString()))
                .append("   host muted: ").append(yesNo(details.muted()));
        if (details.typeAsString() != null) {
            text.append("   type: ").append(details.typeAsString());
        }
        if (details.appearanceAsString() != null) {
            text.append("   appearance: ").append(details.appearanceAsString());
        }
        if (details.createdAsString() != null) {
            text.append("   created: ").append(details.createdAsString());
        }
        text.append('\n');
        int width = "PARTICIPANT CALL ID".length();
        for (ConferenceParticipant participant : details.participants()) {
            width = Math.max(width, orDash(participant.callId()).length());
        }
        String row = "  %-" + width + "s  %-5s  %s%n";
        text.append(String.format(row, "PARTICIPANT CALL ID", "MUTED", "DEAFENED"));
        for (ConferenceParticipant participant : details.participants()) {
            text.append(String.format(row, orDash(participant.callId()), yesNo(participant.muted()),
                    yesNo(participant.deafened())));
        }
        if (details.participants().isEmpty()) {
            text.append("  (no participants)\n");
        }
        return text.toString();
    }

    private static String yesNo(Boolean flag) {
        return flag == null ? "-" : flag ? "yes" : "no";
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }
}
