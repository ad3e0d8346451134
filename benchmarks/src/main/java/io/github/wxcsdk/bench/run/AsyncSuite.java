package io.github.wxcsdk.bench.run;

import io.github.wxcsdk.WebexSimpleApi;
import io.github.wxcsdk.WebexSimpleAsyncApi;
import io.github.wxcsdk.bench.Wire;
import io.github.wxcsdk.bench.report.Machine;
import io.github.wxcsdk.bench.server.DelayControl;
import io.github.wxcsdk.telephony.conference.ConferenceControlsApi;
import io.github.wxcsdk.telephony.conference.ConferenceControlsAsyncApi;
import io.github.wxcsdk.telephony.conference.ConferenceDetails;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * The proof of the async API (issue 15): {@value #CALLS} {@code getConferenceDetails()} calls in flight at once on one
 * client, against a loopback server in its own JVM that answers each {@value #DELAY_MILLIS} ms after it arrived
 * without a thread per waiting request. The async client (default settings: no bound on concurrent requests) sends
 * them all from one thread; the sync client gets {@value #CALLS} caller threads, each calling once. Each round builds
 * fresh clients, so every round opens its {@value #CALLS} connections and starts the clients' threads again.
 *
 * <p>Per side and round: wall time from the first call to the last answer, and again on the same client with its
 * connections pooled; CPU time of this JVM meanwhile; threads started during the first (the JVM's
 * count, client building included, the sync side's own caller threads not), with the names of the threads seen;
 * heap per call in flight (used heap after a full GC with all calls held by the server for {@value #HOLD_MILLIS} ms,
 * minus the same before the calls, built client included in both, divided by the calls the server held), and resident
 * memory likewise, which also sees thread stacks. Then whether the async client's threads end: 0 s and 6 s after
 * {@code close()}, and after 6 s idle without it.
 */
public final class AsyncSuite {
    /** Calls in flight at once. */
    public static final int CALLS = 500;
    /** The server's delay before each answer. */
    public static final long DELAY_MILLIS = 200;
    /** The server's delay while heap is measured: long enough for a full GC with every call in flight. */
    static final long HOLD_MILLIS = 4000;
    /** The async target: the wall time of {@value #CALLS} calls. */
    public static final double WALL_TARGET_MILLIS = 5 * DELAY_MILLIS;
    /** The async target: threads started by the SDK (and the JDK on its behalf). */
    public static final int THREAD_TARGET = 16;
    private static final String CALLER = "bench-caller-";
    private static final Predicate<String> SDK = name -> name.startsWith("wxc-sdk-");
    private static final long IDLE_MILLIS = 6000;
    private static final long PATIENCE_SECONDS = 60;
    private static final long QUIESCE_SECONDS = 10;

    private final String baseUrl;
    private final DelayControl control;
    private final int rounds;
    private final List<String> errors = new ArrayList<>();

    /**
     * @param baseUrl the delayed server's API root
     * @param control its control path
     * @param rounds  measured rounds per side, after one warm-up round each
     */
    public AsyncSuite(String baseUrl, DelayControl control, int rounds) {
        this.baseUrl = baseUrl;
        this.control = control;
        this.rounds = rounds;
    }

    /**
     * One round of one side.
     *
     * @param wallMillis       first call to last answer
     * @param cpuMillis        CPU time of this JVM meanwhile, every thread (the JIT and GC included)
     * @param issueMillis      how long sending all calls took the one sending thread (async only)
     * @param againWallMillis  the wall time of the same calls again on the same client, its connections pooled
     * @param againCpuMillis   the CPU time of that
     * @param threadsStarted   threads started meanwhile, callers not counted
     * @param threadGroups     the new threads seen, by name group
     * @param heapPerCall      bytes of heap per call in flight
     * @param residentPerCall  bytes of resident memory per call in flight
     * @param inFlightMeasured the calls the server held when memory was measured
     * @param failed           calls that failed
     * @param serverSpreadMs   milliseconds from the first request the server received to the last
     * @param serverMaxLateMs  the worst lateness of an answer past its due time
     */
    public record Round(double wallMillis, double cpuMillis, double issueMillis, double againWallMillis,
                        double againCpuMillis, long threadsStarted,
                        Map<String, Integer> threadGroups, double heapPerCall, double residentPerCall,
                        int inFlightMeasured, int failed, long serverSpreadMs, long serverMaxLateMs) {
    }

    /**
     * One side over all rounds.
     *
     * @param api             {@code async} or {@code sync}
     * @param wallMillis      median wall time
     * @param cpuMillis       median CPU time
     * @param issueMillis     median time to send all calls
     * @param againWallMillis median wall time of the calls again on the same client
     * @param againCpuMillis  median CPU time of that
     * @param threadsStarted  median threads started
     * @param heapPerCall     median heap per call in flight
     * @param residentPerCall median resident memory per call in flight
     * @param failed          failed calls in all measured rounds
     * @param rounds          each measured round
     */
    public record Side(String api, double wallMillis, double cpuMillis, double issueMillis, double againWallMillis,
                       double againCpuMillis, double threadsStarted,
                       double heapPerCall, double residentPerCall, int failed, List<Round> rounds) {
    }

    /**
     * Whether the async client's threads end.
     *
     * @param sdkThreadsAtClose           the async client's threads ({@code wxc-sdk-async-*}) alive when
     *                                    {@code close()} returned
     * @param sdkThreadsSixSecondsAfter   the same 6 s later
     * @param selectorsBefore             JDK HTTP client selector threads before the client was built
     * @param selectorsSixSecondsAfter    the same 6 s after {@code close()}, the client unreachable and collected
     * @param sdkThreadsIdleSixSeconds    the async threads of a client left open, 6 s after its last call
     * @param namesAtClose                names and states of every {@code wxc-sdk-*} thread at close (sync clients'
     *                                    {@code wxc-sdk-deadlines} included)
     * @param namesSixSecondsAfter        the same 6 s after close
     * @param namesIdle                   the same with the client left open
     */
    public record Release(int sdkThreadsAtClose, int sdkThreadsSixSecondsAfter, int selectorsBefore,
                          int selectorsSixSecondsAfter, int sdkThreadsIdleSixSeconds, List<String> namesAtClose,
                          List<String> namesSixSecondsAfter, List<String> namesIdle) {
    }

    /**
     * Everything the suite measured.
     *
     * @param operation   the call
     * @param calls       calls in flight at once
     * @param delayMillis the server's delay
     * @param async       the async client
     * @param sync        the sync client, one caller thread per call
     * @param release     the async client's threads after close and when idle
     * @param loadStart   load averages when the suite started
     * @param loadEnd     load averages when it ended
     */
    public record Load(String operation, int calls, long delayMillis, Side async, Side sync, Release release,
                       String loadStart, String loadEnd) {

        /** @return whether the async side met its wall-time, thread and zero-failure targets */
        public boolean met() {
            return async.wallMillis() <= WALL_TARGET_MILLIS && async.threadsStarted() <= THREAD_TARGET
                    && async.failed() == 0;
        }
    }

    /** @return every failed or stuck call, as text */
    public List<String> errors() {
        return errors;
    }

    /**
     * Runs one warm-up round per side, then the measured rounds (alternating which side goes first), then the
     * release check.
     *
     * @return the figures
     * @throws InterruptedException when interrupted
     */
    public Load run() throws InterruptedException {
        String loadStart = Machine.load();
        asyncRound();
        syncRound();
        errors.clear();
        List<Round> async = new ArrayList<>();
        List<Round> sync = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            if (round % 2 == 0) {
                async.add(report("async", asyncRound()));
                sync.add(report("sync", syncRound()));
            } else {
                sync.add(report("sync", syncRound()));
                async.add(report("async", asyncRound()));
            }
        }
        Release release = release();
        Progress.line(String.format("  async client threads: wxc-sdk-async-* %d at close(), %d 6 s later (JDK selector"
                        + " threads %d before, %d after); %d after 6 s idle without close()",
                release.sdkThreadsAtClose(), release.sdkThreadsSixSecondsAfter(), release.selectorsBefore(),
                release.selectorsSixSecondsAfter(), release.sdkThreadsIdleSixSeconds()));
        Progress.line("    at close(): " + release.namesAtClose() + "; 6 s later: " + release.namesSixSecondsAfter()
                + "; idle: " + release.namesIdle());
        return new Load("getConferenceDetails()", CALLS, DELAY_MILLIS, side("async", async), side("sync", sync),
                release, loadStart, Machine.load());
    }

    /**
     * The timed part of a round. (Its client lives in a frame of its own, so that it is unreachable when memory is
     * measured next.)
     */
    private record Timed(double wallMillis, double cpuMillis, double issueMillis, double againWallMillis,
                         double againCpuMillis, long threads, Map<String, Integer> groups, int failed,
                         DelayControl.Stats server) {
    }

    private Round asyncRound() throws InterruptedException {
        return round(asyncTimed(), asyncMemory());
    }

    private Round syncRound() throws InterruptedException {
        return round(syncTimed(), syncMemory());
    }

    private static Round round(Timed timed, Memory memory) {
        return new Round(timed.wallMillis(), timed.cpuMillis(), timed.issueMillis(), timed.againWallMillis(),
                timed.againCpuMillis(), timed.threads(), timed.groups(),
                memory.heapPerCall(), memory.residentPerCall(), memory.inFlight(), timed.failed(),
                timed.server().spreadMs(), timed.server().maxLateMs());
    }

    private Timed asyncTimed() throws InterruptedException {
        control.reset(DELAY_MILLIS);
        try (ThreadCensus census = ThreadCensus.start();
             WebexSimpleAsyncApi api = asyncClient()) {
            ConferenceControlsAsyncApi conference = api.telephony().conference();
            long cpu = cpuNanos();
            long started = System.nanoTime();
            List<CompletableFuture<Optional<ConferenceDetails>>> futures = new ArrayList<>(CALLS);
            for (int i = 0; i < CALLS; i++) {
                futures.add(conference.getConferenceDetails());
            }
            long issued = System.nanoTime();
            awaitAll(futures, "async");
            long ended = System.nanoTime();
            long cpuEnded = cpuNanos();
            DelayControl.Stats server = control.stats();
            long threads = census.started();
            Map<String, Integer> groups = census.groups(CALLER);
            int failed = failures(futures, "async");
            control.reset(DELAY_MILLIS);
            long warmStarted = System.nanoTime();
            List<CompletableFuture<Optional<ConferenceDetails>>> again = new ArrayList<>(CALLS);
            for (int i = 0; i < CALLS; i++) {
                again.add(conference.getConferenceDetails());
            }
            awaitAll(again, "async (again)");
            long warmEnded = System.nanoTime();
            return new Timed(millis(ended - started), millis(cpuEnded - cpu), millis(issued - started),
                    millis(warmEnded - warmStarted), millis(cpuNanos() - cpuEnded), threads, groups,
                    failed + failures(again, "async (again)"), server);
        }
    }

    private Timed syncTimed() throws InterruptedException {
        control.reset(DELAY_MILLIS);
        try (ThreadCensus census = ThreadCensus.start()) {
            CallerThreads callers = new CallerThreads(syncClient(), 2);
            long cpu = cpuNanos();
            long started = System.nanoTime();
            callers.release(0);
            callers.await(0, "sync");
            long ended = System.nanoTime();
            long cpuEnded = cpuNanos();
            DelayControl.Stats server = control.stats();
            long threads = census.started() - CALLS;
            Map<String, Integer> groups = census.groups(CALLER);
            control.reset(DELAY_MILLIS);
            long warmStarted = System.nanoTime();
            callers.release(1);
            callers.await(1, "sync (again)");
            long warmEnded = System.nanoTime();
            return new Timed(millis(ended - started), millis(cpuEnded - cpu), Double.NaN,
                    millis(warmEnded - warmStarted), millis(cpuNanos() - cpuEnded), threads, groups,
                    callers.failed("sync"), server);
        }
    }

    /** Heap and resident memory per call in flight, the calls held by the server. */
    private record Memory(double heapPerCall, double residentPerCall, int inFlight) {
    }

    private Memory asyncMemory() throws InterruptedException {
        quiesce();
        try (WebexSimpleAsyncApi api = asyncClient()) {
            ConferenceControlsAsyncApi conference = api.telephony().conference();
            control.reset(HOLD_MILLIS);
            long[] before = memoryAfterGc();
            List<CompletableFuture<Optional<ConferenceDetails>>> futures = new ArrayList<>(CALLS);
            for (int i = 0; i < CALLS; i++) {
                futures.add(conference.getConferenceDetails());
            }
            Memory memory = memorySince(before);
            awaitAll(futures, "async (memory)");
            failures(futures, "async (memory)");
            return memory;
        } finally {
            control.reset(DELAY_MILLIS);
        }
    }

    private Memory syncMemory() throws InterruptedException {
        quiesce();
        try {
            ConferenceControlsApi conference = syncClient();
            control.reset(HOLD_MILLIS);
            long[] before = memoryAfterGc();
            CallerThreads callers = new CallerThreads(conference, 1);
            callers.release(0);
            Memory memory = memorySince(before);
            callers.await(0, "sync (memory)");
            callers.failed("sync (memory)");
            return memory;
        } finally {
            control.reset(DELAY_MILLIS);
        }
    }

    /**
     * Waits until the HTTP clients of earlier rounds are collected (their selector threads end within seconds of
     * that), so that their connections are not freed between the two heap figures.
     */
    private void quiesce() throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(QUIESCE_SECONDS);
        while (selectors() > 0 && System.nanoTime() < giveUp) {
            System.gc();
            Thread.sleep(250);
        }
        if (selectors() > 0) {
            errors.add("memory baseline taken with " + selectors() + " earlier HTTP clients not collected after "
                    + QUIESCE_SECONDS + " s");
        }
    }

    /** Waits until the server holds every call (or a few seconds passed), then measures. */
    private Memory memorySince(long[] before) throws InterruptedException {
        long giveUp = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(HOLD_MILLIS / 2);
        int inFlight = control.stats().pending();
        while (inFlight < CALLS && System.nanoTime() < giveUp) {
            Thread.sleep(10);
            inFlight = control.stats().pending();
        }
        long[] after = memoryAfterGc();
        if (inFlight < CALLS) {
            errors.add("memory measured with only " + inFlight + " of " + CALLS + " calls held by the server");
        }
        int held = Math.max(1, inFlight);
        return new Memory((after[0] - before[0]) / (double) held, (after[1] - before[1]) / (double) held, inFlight);
    }

    /** {@value #CALLS} caller threads of the sync client, each calling once per wave, every thread at once. */
    private final class CallerThreads {
        private final CountDownLatch[] go;
        private final CountDownLatch[] done;
        private final AtomicInteger failed = new AtomicInteger();
        private final AtomicReference<String> firstFailure = new AtomicReference<>();

        /** Starts the threads and waits until each waits for the first wave. */
        CallerThreads(ConferenceControlsApi conference, int waves) throws InterruptedException {
            go = new CountDownLatch[waves];
            done = new CountDownLatch[waves];
            for (int wave = 0; wave < waves; wave++) {
                go[wave] = new CountDownLatch(1);
                done[wave] = new CountDownLatch(CALLS);
            }
            CountDownLatch ready = new CountDownLatch(CALLS);
            for (int i = 0; i < CALLS; i++) {
                Thread caller = new Thread(() -> {
                    ready.countDown();
                    for (int wave = 0; wave < waves; wave++) {
                        try {
                            go[wave].await();
                            conference.getConferenceDetails();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        } catch (RuntimeException e) {
                            failed.incrementAndGet();
                            firstFailure.compareAndSet(null, e.toString());
                        } finally {
                            done[wave].countDown();
                        }
                    }
                }, CALLER + i);
                caller.setDaemon(true);
                caller.start();
            }
            ready.await();
        }

        /** Lets every thread make its call of {@code wave}. */
        void release(int wave) {
            go[wave].countDown();
        }

        /** Waits until every thread made its call of {@code wave}. */
        void await(int wave, String side) throws InterruptedException {
            if (!done[wave].await(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                errors.add(side + ": " + done[wave].getCount() + " of " + CALLS + " calls not complete after "
                        + PATIENCE_SECONDS + " s; server " + control.stats());
            }
        }

        /** @return calls that failed so far, the first failure noted as an error */
        int failed(String side) {
            if (firstFailure.get() != null) {
                errors.add(side + ": " + firstFailure.getAndSet(null));
            }
            return failed.get();
        }
    }

    private void awaitAll(List<CompletableFuture<Optional<ConferenceDetails>>> futures, String side)
            throws InterruptedException {
        try {
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).exceptionally(failure -> null)
                    .get(PATIENCE_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (TimeoutException e) {
            long open = futures.stream().filter(future -> !future.isDone()).count();
            errors.add(side + ": " + open + " of " + CALLS + " calls not complete after " + PATIENCE_SECONDS
                    + " s; server " + control.stats());
        }
    }

    private int failures(List<CompletableFuture<Optional<ConferenceDetails>>> futures, String side) {
        int failed = 0;
        for (CompletableFuture<Optional<ConferenceDetails>> future : futures) {
            if (future.isCompletedExceptionally()) {
                if (failed++ == 0) {
                    errors.add(side + ": " + future.handle((value, failure) -> String.valueOf(failure)).join());
                }
            } else if (future.isDone() && future.join().isEmpty()) {
                failed++;
            }
        }
        return failed;
    }

    private Release release() throws InterruptedException {
        quiesce();
        int selectorsBefore = selectors();
        WebexSimpleAsyncApi api = asyncClient();
        burst(api);
        api.close();
        List<String> atClose = ThreadCensus.aliveNames(SDK);
        api = null;
        idle();
        List<String> afterClose = ThreadCensus.aliveNames(SDK);
        int selectorsAfter = selectors();
        try (WebexSimpleAsyncApi open = asyncClient()) {
            burst(open);
            idle();
            List<String> idle = ThreadCensus.aliveNames(SDK);
            return new Release(async(atClose), async(afterClose), selectorsBefore, selectorsAfter, async(idle),
                    atClose, afterClose, idle);
        }
    }

    /** @return the JDK HTTP clients' selector threads alive, one per client not yet collected */
    private static int selectors() {
        return ThreadCensus.alive(name -> name.startsWith("HttpClient-") && name.endsWith("-SelectorManager"));
    }

    private void burst(WebexSimpleAsyncApi api) throws InterruptedException {
        control.reset(DELAY_MILLIS);
        List<CompletableFuture<Optional<ConferenceDetails>>> futures = new ArrayList<>(CALLS);
        for (int i = 0; i < CALLS; i++) {
            futures.add(api.telephony().conference().getConferenceDetails());
        }
        awaitAll(futures, "async (release check)");
        failures(futures, "async (release check)");
    }

    /** @return how many of the named threads are an async client's ({@code wxc-sdk-async-*}) */
    private static int async(List<String> names) {
        return (int) names.stream().filter(name -> name.startsWith("wxc-sdk-async-")).count();
    }

    /**
     * Waits {@value #IDLE_MILLIS} ms. The first collection comes after a second, once the threads of a closed client
     * have finished winding down, so that the JDK selector of an unreachable client (which looks every 3 s) can end
     * before the count.
     */
    private static void idle() throws InterruptedException {
        Thread.sleep(1000);
        System.gc();
        Thread.sleep(IDLE_MILLIS - 1000);
        System.gc();
        Thread.sleep(100);
    }

    private WebexSimpleAsyncApi asyncClient() {
        return WebexSimpleApi.builder().accessToken(Wire.TOKEN).baseUrl(baseUrl).buildAsync();
    }

    private ConferenceControlsApi syncClient() {
        return WebexSimpleApi.builder().accessToken(Wire.TOKEN).baseUrl(baseUrl).build().telephony().conference();
    }

    private static Round report(String api, Round round) {
        Progress.line(String.format("  %-5s %d calls: wall %5.0f ms (again %4.0f ms), CPU %4.0f ms (again %4.0f ms),"
                        + " %3d threads started, %5.0f B heap and %6.0f B resident per call in flight, %d failed;"
                        + " server spread %d ms, late %d ms (load %s)", api, CALLS, round.wallMillis(),
                round.againWallMillis(), round.cpuMillis(), round.againCpuMillis(), round.threadsStarted(),
                round.heapPerCall(), round.residentPerCall(), round.failed(), round.serverSpreadMs(),
                round.serverMaxLateMs(), Machine.load()));
        return round;
    }

    private static Side side(String api, List<Round> rounds) {
        return new Side(api, median(rounds, Round::wallMillis), median(rounds, Round::cpuMillis),
                median(rounds, Round::issueMillis), median(rounds, Round::againWallMillis),
                median(rounds, Round::againCpuMillis),
                median(rounds, Round::threadsStarted), median(rounds, Round::heapPerCall),
                median(rounds, Round::residentPerCall), rounds.stream().mapToInt(Round::failed).sum(), rounds);
    }

    private static double median(List<Round> rounds, ToDoubleFunction<Round> figure) {
        return Medians.of(rounds.stream().mapToDouble(figure).toArray());
    }

    /** @return used heap and resident set size in bytes, after two full collections */
    private static long[] memoryAfterGc() throws InterruptedException {
        System.gc();
        System.gc();
        Thread.sleep(50);
        return new long[] {ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), residentBytes()};
    }

    private static long residentBytes() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("VmRSS:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")) * 1024)
                    .findFirst().orElse(0);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** @return this JVM's CPU time so far, all threads */
    private static long cpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
