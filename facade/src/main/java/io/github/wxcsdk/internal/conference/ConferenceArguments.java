package io.github.wxcsdk.internal.conference;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The argument rules of the conference operations, checked before anything is sent. They are the spec's constraints
 * (see {@code spec/telephony-conference.yaml}: {@code CallId}, {@code LineOwnerId}, {@code callIds} minItems 2), which
 * the generated request models carry as Jakarta Validation annotations; a test proves both reject the same values.
 * Checked by hand rather than by a Validator so that users carry no validation engine at run time.
 */
public final class ConferenceArguments {
    /** Same meaning as the spec's pattern {@code ^\s*\S[\s\S]*$}: at least one non-whitespace character. */
    private static final Pattern NOT_BLANK = Pattern.compile("\\S");
    private static final int MIN_CALL_IDS = 2;

    private ConferenceArguments() {
    }

    /**
     * Checks one call id.
     *
     * @param callId the id
     * @param name   the parameter's name, for the message
     * @return the id
     * @throws NullPointerException     when the id is {@code null}
     * @throws IllegalArgumentException when the id is empty or only white space
     */
    public static String requireId(String callId, String name) {
        Objects.requireNonNull(callId, () -> name + " must not be null");
        if (!NOT_BLANK.matcher(callId).find()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return callId;
    }

    /**
     * Checks the ids of a new conference and copies them.
     *
     * @param callIds the ids
     * @return an unmodifiable copy
     * @throws NullPointerException     when the list or an id is {@code null}
     * @throws IllegalArgumentException when there are fewer than two ids or an id is blank
     */
    public static List<String> requireCallIds(List<String> callIds) {
        Objects.requireNonNull(callIds, "callIds must not be null");
        if (callIds.size() < MIN_CALL_IDS) {
            throw new IllegalArgumentException("callIds must contain at least " + MIN_CALL_IDS
                    + " call ids, got " + callIds.size());
        }
        List<String> checked = new ArrayList<>(callIds.size());
        for (int i = 0; i < callIds.size(); i++) {
            checked.add(requireId(callIds.get(i), "callIds[" + i + "]"));
        }
        return List.copyOf(checked);
    }
}
