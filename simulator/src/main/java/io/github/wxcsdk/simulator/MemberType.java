package io.github.wxcsdk.simulator;

import java.util.Arrays;
import java.util.Optional;

/** What a member of a simulated org is; each has its own calls and conferences. */
public enum MemberType {
    /** A person, the only kind of member that can own a user token. */
    PERSON("person"),
    /** A workspace, e.g. a meeting room's phone. */
    WORKSPACE("workspace"),
    /** A virtual line, a number not tied to one person. */
    VIRTUAL_LINE("virtualLine");

    private final String wireName;

    MemberType(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The name the control surface uses, e.g. {@code virtualLine}.
     *
     * @return the name in the JSON of {@code /_simulator} requests and answers
     */
    public String wireName() {
        return wireName;
    }

    static Optional<MemberType> fromWireName(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }
}
