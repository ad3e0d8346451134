package io.github.wxcsdk.internal.http;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The deadline thread belongs to its client: it starts with the first attempt, interrupts an attempt at its deadline,
 * never carries a context class loader, and ends when idle, starting again for the next attempt.
 */
class DeadlineSweeperTest {
    private static final long IDLE_MILLIS = 50;

    @Test
    void theThreadStartsWithWorkInterruptsAtTheDeadlineAndEndsWhenIdle() throws Exception {
        DeadlineSweeper sweeper = new DeadlineSweeper("test-deadlines", TimeUnit.MILLISECONDS.toNanos(IDLE_MILLIS));
        assertFalse(sweeper.hasThread(), "no thread before the first attempt");

        for (int round = 0; round < 2; round++) {
            AttemptDeadline deadline = AttemptDeadline.start(sweeper,
                    System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20));
            assertTrue(sweeper.hasThread());
            assertNull(threadNamed("test-deadlines").getContextClassLoader(), "pins no class loader");
            boolean interrupted = false;
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                interrupted = true;
            }
            assertTrue(interrupted, "the attempt was interrupted at its deadline");
            assertTrue(deadline.finish(), "finish() reports the deadline passed");
            assertFalse(Thread.currentThread().isInterrupted(), "and clears the sweeper's interrupt");

            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (sweeper.hasThread() && System.nanoTime() < until) {
                Thread.sleep(10);
            }
            assertFalse(sweeper.hasThread(), "the thread ends after " + IDLE_MILLIS + " ms idle (round " + round + ')');
        }
    }

    private static Thread threadNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).findFirst()
                .orElseThrow();
    }
}
