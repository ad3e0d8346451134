package io.github.wxcsdk.internal.conference;

import java.util.ArrayList;
import java.util.Arrays;
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

    /**
     * The argument rule of an operation: the parameter lists its public methods may have, and how their arguments
     * become the one checked argument the generated calls take.
     */
    public enum Rule {
        /** No argument. */
        NONE(List.of(List.of())),
        /** One participant's call id. */
        CALL_ID(List.of(List.of(String.class))),
        /** None for the host, or one participant's call id. */
        HOST_OR_CALL_ID(List.of(List.of(), List.of(String.class))),
        /** At least two call ids, as a list or as {@code first, second, more...}. */
        CALL_IDS(List.of(List.of(List.class), List.of(String.class, String.class, String[].class)));

        private final List<List<Class<?>>> parameterLists;

        Rule(List<List<Class<?>>> parameterLists) {
            this.parameterLists = parameterLists;
        }

        /**
         * @param parameterTypes a public method's parameter types
         * @return whether this rule reads that method's arguments
         */
        public boolean accepts(Class<?>[] parameterTypes) {
            return parameterLists.contains(List.of(parameterTypes));
        }

        /**
         * @param args the arguments of a public method this rule {@link #accepts(Class[])}, never {@code null}
         * @return the checked argument: {@code null}, a call id, or an unmodifiable list of call ids
         * @throws NullPointerException     when a required value is {@code null}
         * @throws IllegalArgumentException when a value breaks the spec's constraints
         */
        public Object check(Object[] args) {
            switch (this) {
                case CALL_ID:
                    return requireId((String) args[0], "callId");
                case HOST_OR_CALL_ID:
                    return args.length == 0 ? null : requireId((String) args[0], "callId");
                case CALL_IDS:
                    return callIds(args);
                default:
                    return null;
            }
        }

        @SuppressWarnings("unchecked")
        private static List<String> callIds(Object[] args) {
            if (args.length == 1) {
                return requireCallIds((List<String>) args[0]);
            }
            String[] more = Objects.requireNonNull((String[]) args[2], "more must not be null");
            List<String> callIds = new ArrayList<>(2 + more.length);
            callIds.add((String) args[0]);
            callIds.add((String) args[1]);
            callIds.addAll(Arrays.asList(more));
            return requireCallIds(callIds);
        }
    }
}
