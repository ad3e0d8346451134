package io.github.wxcsdk;

import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;
import io.github.wxcsdk.testing.FakeTime;
import io.github.wxcsdk.testing.StubServer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh stub server, fake time and conference client for every test:
 * {@code @RegisterExtension final StubbedConference client = new StubbedConference();}.
 */
public final class StubbedConference implements BeforeEachCallback, AfterEachCallback {
    private StubServer stub;
    private FakeTime time;
    private ConferenceControlsApi conference;

    @Override
    public void beforeEach(ExtensionContext context) {
        stub = StubServer.start();
        time = new FakeTime();
        conference = TestClients.builder(stub, time).build().telephony().conference();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        stub.close();
    }

    /** @return the server the client talks to */
    public StubServer stub() {
        return stub;
    }

    /** @return the client's clock and sleeper */
    public FakeTime time() {
        return time;
    }

    /** @return the conference controls of a client built by {@link TestClients#builder} */
    public ConferenceControlsApi conference() {
        return conference;
    }
}
