package io.github.wxcsdk.contract;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.github.wxcsdk.contract.ConferenceContract.CONSUMER;
import static io.github.wxcsdk.contract.ConferenceContract.MY;
import static io.github.wxcsdk.contract.ConferenceContract.PROVIDER;
import static io.github.wxcsdk.contract.ConferenceContract.noContent;
import static io.github.wxcsdk.contract.ConferenceContract.request;

/**
 * Pins the three supervisor operations of the user who owns the token, the only ones the façade sends to
 * {@code members/me} (the other ten there duplicate the user-level paths, which the façade uses): bargeIn,
 * silentMonitor and supervisorCoach, each a POST without a body or query, answered with 204.
 */
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = PROVIDER)
class SupervisorPactTest {

    @Pact(consumer = CONSUMER)
    static V4Pact bargeIn(PactDslWithProvider builder) {
        return noContent(request(builder, ProviderStates.USER_SUPERVISOR_MONITORING,
                "barge in on the call the user monitors", "POST", MY + "/bargeIn"));
    }

    @Test
    @PactTestFor(pactMethod = "bargeIn")
    void bargeIn(MockServer server) {
        Facade.conference(server).bargeIn();
    }

    @Pact(consumer = CONSUMER)
    static V4Pact silentMonitor(PactDslWithProvider builder) {
        return noContent(request(builder, ProviderStates.USER_SUPERVISOR_COACHING,
                "switch the user from coaching to silent monitoring", "POST", MY + "/silentMonitor"));
    }

    @Test
    @PactTestFor(pactMethod = "silentMonitor")
    void silentMonitor(MockServer server) {
        Facade.conference(server).silentMonitor();
    }

    @Pact(consumer = CONSUMER)
    static V4Pact supervisorCoach(PactDslWithProvider builder) {
        return noContent(request(builder, ProviderStates.USER_SUPERVISOR_MONITORING,
                "switch the user from silent monitoring to coaching", "POST", MY + "/supervisorCoach"));
    }

    @Test
    @PactTestFor(pactMethod = "supervisorCoach")
    void supervisorCoach(MockServer server) {
        Facade.conference(server).supervisorCoach();
    }
}
