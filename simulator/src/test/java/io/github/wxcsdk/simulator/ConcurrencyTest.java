package io.github.wxcsdk.simulator;

import static io.github.wxcsdk.simulator.SimClient.CONFERENCE;
import static io.github.wxcsdk.simulator.SimClient.callIdBody;
import static io.github.wxcsdk.simulator.SimClient.expect204;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Many clients at once lose no update, on one user and on many users. */
@ExtendWith(WebexSimulatorExtension.class)
class ConcurrencyTest {
    private static final int THREADS = 16;
    private static final int ROUNDS = 25;

    private WebexSimulator simulator;

    @BeforeEach
    void useTheClassSimulator(WebexSimulator simulator) {
        this.simulator = simulator;
    }

    /** What a participant's flags must be at the end. */
    private record Expected(boolean muted, boolean deafened) {
    }

    @Test
    void oneUserManyThreads() throws Exception {
        SimClient user = SimClient.newUser(simulator);
        String a = user.createCall();
        String b = user.createCall();
        user.startConference(a, b);
        Map<String, Expected> expected = new ConcurrentHashMap<>();
        expected.put(a, new Expected(false, false));
        expected.put(b, new Expected(false, false));

        runConcurrently(thread -> {
            for (int round = 0; round < ROUNDS; round++) {
                expected.put(addAndToggle(user, round), new Expected(round % 2 == 0, round % 3 == 0));
            }
        });

        assertParticipants(expected, user.details());
    }

    @Test
    void manyUsersManyThreads() throws Exception {
        List<SimClient> users = new ArrayList<>();
        List<Map<String, Expected>> expectations = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            users.add(SimClient.newUser(simulator));
            expectations.add(new HashMap<>());
        }

        runConcurrently(thread -> {
            SimClient user = users.get(thread);
            Map<String, Expected> expected = expectations.get(thread);
            String a = user.createCall();
            String b = user.createCall();
            user.startConference(a, b);
            expected.put(a, new Expected(false, false));
            expected.put(b, new Expected(false, false));
            for (int round = 0; round < ROUNDS; round++) {
                expected.put(addAndToggle(user, round), new Expected(round % 2 == 0, round % 3 == 0));
            }
        });

        for (int i = 0; i < THREADS; i++) {
            assertParticipants(expectations.get(i), users.get(i).details());
        }
    }

    @Test
    void concurrentJavaApiCallsOnOneUserLoseNoCall() throws Exception {
        SimClient user = SimClient.newUser(simulator);
        Set<String> created = ConcurrentHashMap.newKeySet();

        runConcurrently(thread -> {
            for (int i = 0; i < ROUNDS * 4; i++) {
                created.add(simulator.createCall(user.token()));
            }
        });

        assertEquals(THREADS * ROUNDS * 4, created.size());
        user.startConference(created.toArray(String[]::new));
        assertEquals(created.size(), user.details().get("participants").size());
    }

    /** Adds a new call; mutes, unmutes and deafens it so that it ends muted on even rounds, deafened on every third. */
    private static String addAndToggle(SimClient user, int round) {
        String callId = user.createCall();
        expect204(user.post(CONFERENCE + "/addParticipant", callIdBody(callId)));
        expect204(user.post(CONFERENCE + "/mute", callIdBody(callId)));
        expect204(user.post(CONFERENCE + "/unmute", callIdBody(callId)));
        if (round % 2 == 0) {
            expect204(user.post(CONFERENCE + "/mute", callIdBody(callId)));
        }
        expect204(user.post(CONFERENCE + "/deafen", callIdBody(callId)));
        if (round % 3 != 0) {
            expect204(user.post(CONFERENCE + "/undeafen", callIdBody(callId)));
        }
        return callId;
    }

    private static void assertParticipants(Map<String, Expected> expected, JsonNode details) {
        Map<String, Expected> actual = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode participant : details.get("participants")) {
            String callId = participant.get("callId").textValue();
            assertEquals(true, seen.add(callId), "duplicate participant " + callId);
            actual.put(callId, new Expected(participant.get("muted").booleanValue(),
                    participant.get("deafened").booleanValue()));
        }
        assertEquals(expected, actual);
    }

    /** A body run once by each of THREADS threads; {@code thread} is 0..THREADS-1. */
    @FunctionalInterface
    private interface PerThread {
        void run(int thread) throws Exception;
    }

    private static void runConcurrently(PerThread body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Void>> results = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                int thread = i;
                Callable<Void> task = () -> {
                    go.await();
                    body.run(thread);
                    return null;
                };
                results.add(pool.submit(task));
            }
            go.countDown();
            for (Future<Void> result : results) {
                result.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
