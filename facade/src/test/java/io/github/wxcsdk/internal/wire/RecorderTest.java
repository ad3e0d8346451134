package io.github.wxcsdk.internal.wire;

import io.github.wxcsdk.internal.generated.conference.api.ConferenceControlsClient;
import io.github.wxcsdk.internal.generated.conference.model.MuteRequest;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A call written against the generated interface is recorded, method and arguments, and nothing else happens. */
class RecorderTest {
    private final Recorder recorder = new Recorder();

    @Test
    void aCallIsRecordedWithItsGeneratedMethodAndArguments() throws NoSuchMethodException {
        MuteRequest body = new MuteRequest().callId("c1");
        RecordedCall call = recorder.record(client -> client.muteByMemberId("m1", "t1", "o1", body));
        assertEquals(ConferenceControlsClient.class.getMethod("muteByMemberId", String.class, String.class,
                String.class, MuteRequest.class), call.method());
        assertArrayEquals(new Object[] {"m1", "t1", "o1", body}, call.args());
    }

    @Test
    void aMethodWithAResultRecordsToo() {
        RecordedCall call = recorder.record(client -> client.getConferenceDetails("t1", null));
        assertEquals("getConferenceDetails", call.method().getName());
        assertArrayEquals(new Object[] {"t1", null}, call.args());
    }

    @Test
    void exactlyOneCallPerRecording() {
        IllegalStateException none = assertThrows(IllegalStateException.class, () -> recorder.record(client -> { }));
        assertTrue(none.getMessage().contains("Nothing was called"), none.getMessage());
        IllegalStateException two = assertThrows(IllegalStateException.class, () -> recorder.record(client -> {
            client.holdConference("t1", null);
            client.resumeConference("t1", null);
        }));
        assertTrue(two.getMessage().contains("One call per recording"), two.getMessage());
    }
}
