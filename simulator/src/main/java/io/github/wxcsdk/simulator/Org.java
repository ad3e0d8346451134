package io.github.wxcsdk.simulator;

import java.util.Objects;
import java.util.Optional;

/**
 * An organization of the simulator. A Service App token of an org acts on the members of that org and of the orgs it
 * manages (one level: the partner of a partner has no say).
 *
 * @param id        the org id, opaque like Webex's; sent as {@code ?orgId=}
 * @param managedBy the partner org that manages this one, if any
 */
public record Org(String id, Optional<String> managedBy) {
    /**
     * Checks the components.
     *
     * @param id        the org id
     * @param managedBy the partner org, if any
     * @throws NullPointerException if a component is null
     */
    public Org {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(managedBy, "managedBy");
    }

    /** Whether a Service App of {@code actingOrgId} may act on members of this org. */
    boolean mayBeActedOnBy(String actingOrgId) {
        return id.equals(actingOrgId) || managedBy.filter(actingOrgId::equals).isPresent();
    }
}
