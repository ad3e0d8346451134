package io.github.wxcsdk.simulator;

import java.util.Objects;

/**
 * A member of a simulated org: a person, workspace or virtual line, with its own calls and conferences. Its id is the
 * {@code memberId} of {@code /telephony/conference/members/{memberId}/...}; member ids are unique in the simulator.
 *
 * @param id    the member id, opaque like Webex's
 * @param orgId the org the member belongs to
 * @param type  what the member is
 */
public record Member(String id, String orgId, MemberType type) {
    /**
     * Checks the components.
     *
     * @param id    the member id
     * @param orgId the member's org
     * @param type  what the member is
     * @throws NullPointerException if a component is null
     */
    public Member {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(type, "type");
    }
}
