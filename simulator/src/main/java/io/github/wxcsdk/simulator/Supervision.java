package io.github.wxcsdk.simulator;

import java.util.List;
import java.util.Objects;

/**
 * A supervisor silently monitoring an agent's call, as set up by {@link WebexSimulator#startSupervision(String,
 * String)}: the supervisor has a conference of type {@code silentMonitoring} whose participants are the supervisor's
 * two legs, to the agent and to the agent's customer. {@code bargeIn}, {@code silentMonitor} and
 * {@code supervisorCoach} then switch its type.
 *
 * @param supervisorId      the supervising member
 * @param agentId           the supervised member
 * @param agentCallId       the agent's call being monitored
 * @param supervisorCallIds the calls of the supervisor's conference: the leg to the agent, then the leg to the customer
 */
public record Supervision(String supervisorId, String agentId, String agentCallId, List<String> supervisorCallIds) {
    /**
     * Checks and copies the components.
     *
     * @param supervisorId      the supervising member
     * @param agentId           the supervised member
     * @param agentCallId       the agent's monitored call
     * @param supervisorCallIds the supervisor's legs, to the agent then to the customer
     * @throws NullPointerException if a component is null
     */
    public Supervision {
        Objects.requireNonNull(supervisorId, "supervisorId");
        Objects.requireNonNull(agentId, "agentId");
        Objects.requireNonNull(agentCallId, "agentCallId");
        supervisorCallIds = List.copyOf(supervisorCallIds);
    }
}
