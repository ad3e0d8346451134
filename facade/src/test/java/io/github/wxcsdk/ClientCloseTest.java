package io.github.wxcsdk;

import io.github.wxcsdk.telephony.conference.ConferenceControlsAsyncApi;
import io.github.wxcsdk.testing.FakeTime;
import io.github.wxcsdk.testing.RawSocketServer;
import io.github.wxcsdk.testing.StubServer;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Closing either client: calls in flight end by the time close() returns, with the SDK's exceptions; later calls
 * throw IllegalStateException at once and send nothing; close is idempotent.
 */
class ClientCloseTest {

    @Test
    void asyncCallsInFlightFailByTheTimeCloseReturns() throws Exception {
        try (RawSocketServer silent = RawSocketServer.silent()) {
            WebexSimpleAsyncApi api = TestClients.realTimeBuilder(silent.baseUrl()).buildAsync();
            ConferenceControlsAsyncApi conference = api.telephony().conference();
            CompletableFuture<Void> hold = conference.hold();
            CompletableFuture<Optional<io.github.wxcsdk.telephony.conference.ConferenceDetails>> details =
                    conference.getConferenceDetails();
            for (long end = System.nanoTime() + 10_000_000_000L; silent.connections() < 2 && System.nanoTime() < end; ) {
                Thread.sleep(5);
            }
            assertEquals(2, silent.connections(), "both requests are on their way");

            api.close();

            assertTrue(hold.isDone() && details.isDone(), "no future is left pending when close() returns");
            ExecutionException holdFailure = assertThrows(ExecutionException.class, hold::get);
            WebexOutcomeUnknownException unknown = assertInstanceOf(WebexOutcomeUnknownException.class,
                    holdFailure.getCause(), "a state change that may have reached Webex");
            assertTrue(unknown.getMessage().startsWith("POST /v1/telephony/conference/hold may or may not have been"
                    + " carried out: the client was closed while its request was in flight"), unknown.getMessage());
            ExecutionException detailsFailure = assertThrows(ExecutionException.class, details::get);
            WebexClientException closed = assertInstanceOf(WebexClientException.class, detailsFailure.getCause());
            assertEquals(WebexClientException.class, closed.getClass(), "a read is not of unknown outcome");
            assertTrue(closed.getMessage().contains("the client was closed"), closed.getMessage());
            api.close();
        }
    }

    @Test
    void callsAfterCloseFailAtOnceAndSendNothingInBothApis() {
        try (StubServer stub = StubServer.start()) {
            WebexSimpleApi sync = TestClients.builder(stub, new FakeTime()).build();
            WebexSimpleAsyncApi async = TestClients.builder(stub, new FakeTime()).buildAsync();
            sync.close();
            async.close();
            sync.close();
            async.close();

            IllegalStateException syncFailure = assertThrows(IllegalStateException.class,
                    () -> sync.telephony().conference().mute());
            IllegalStateException asyncFailure = assertThrows(IllegalStateException.class,
                    () -> async.telephony().conference().forMember("m1").mute());
            assertEquals("The client is closed: build a new one to make calls", syncFailure.getMessage());
            assertEquals(syncFailure.getMessage(), asyncFailure.getMessage());
            assertEquals(0, stub.requests().size(), "nothing was sent");
        }
    }

    @Test
    void theSyncClientIsAutoCloseable() {
        try (StubServer stub = StubServer.start()) {
            WebexSimpleApi kept;
            try (WebexSimpleApi api = TestClients.builder(stub, new FakeTime()).build()) {
                api.telephony().conference().hold();
                kept = api;
            }
            assertThrows(IllegalStateException.class, () -> kept.telephony().conference().hold());
            assertEquals(1, stub.requests().size());
        }
    }

}
