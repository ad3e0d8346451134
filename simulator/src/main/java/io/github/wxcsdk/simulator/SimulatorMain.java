package io.github.wxcsdk.simulator;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The standalone simulator: {@code java -jar wxc-sdk-simulator.jar [--port PORT] [--rate-limit LIMIT]} prints
 * {@code Webex simulator serving http://127.0.0.1:PORT/v1} and serves until the JVM is stopped (Ctrl-C, SIGTERM).
 */
public final class SimulatorMain {
    static final int DEFAULT_PORT = 8080;
    static final int EXIT_OK = 0;
    static final int EXIT_CANNOT_START = 1;
    static final int EXIT_USAGE = 2;

    private static final long SHUTDOWN_WAIT_SECONDS = 5;
    private static final String USAGE = String.join(System.lineSeparator(),
            "Usage: java -jar wxc-sdk-simulator.jar [--port PORT] [--rate-limit LIMIT]",
            "Serves an in-memory Webex Calling conference-controls API on 127.0.0.1 until stopped (Ctrl-C).",
            "",
            "  --port PORT   TCP port to listen on (default " + DEFAULT_PORT + "; 0 picks a free port)",
            "  --rate-limit LIMIT",
            "                limit each bearer token's Webex API requests; 429 with Retry-After beyond:",
            "                bucket:40/s,burst=10  a token bucket (rate N/s, N/m, N/60s; burst defaults to N)",
            "                window:100/60s        N requests per fixed window (window:100 means 60 s)",
            "                off                   no limit (the default)",
            "  --help        print this help and exit",
            "",
            "Each bearer token is one user. Create calls with POST /_simulator/calls, inject errors with",
            "POST /_simulator/faults {\"status\": 429, \"retryAfter\": 1, \"count\": 2, \"delayMs\": 0},",
            "clear a user with POST /_simulator/reset.");

    private SimulatorMain() {
    }

    /**
     * Runs the simulator until the JVM shuts down; exits with status 2 for bad arguments and 1 if the port cannot be
     * bound.
     *
     * @param args {@code --port PORT}, {@code --rate-limit LIMIT} (see {@link RateLimit#parse(String)}) or
     *             {@code --help}
     */
    public static void main(String[] args) {
        CountDownLatch shutdown = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            shutdown.countDown();
            // keep the JVM alive until the simulator has closed its port
            try {
                stopped.await(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "wxcsim-shutdown"));
        int status;
        try {
            status = run(args, System.out, System.err, shutdown);
        } finally {
            stopped.countDown();
        }
        if (status != EXIT_OK) {
            System.exit(status);
        }
    }

    /** Serves until {@code shutdown} opens; returns the process exit status. */
    static int run(String[] args, PrintStream out, PrintStream err, CountDownLatch shutdown) {
        int port = DEFAULT_PORT;
        RateLimit rateLimit = RateLimit.none();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                out.println(USAGE);
                return EXIT_OK;
            }
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value;
            if (!name.equals("--port") && !name.equals("--rate-limit")) {
                return usageError(err, "Unknown or incomplete argument: " + arg);
            } else if (!name.equals(arg)) {
                value = arg.substring(name.length() + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                return usageError(err, "Unknown or incomplete argument: " + arg);
            }
            if (name.equals("--rate-limit")) {
                try {
                    rateLimit = RateLimit.parse(value);
                } catch (IllegalArgumentException e) {
                    return usageError(err, "Bad --rate-limit: " + e.getMessage());
                }
                continue;
            }
            try {
                port = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                return usageError(err, "Not a port number: " + value);
            }
            if (port < 0 || port > 65535) {
                return usageError(err, "Port out of range 0-65535: " + port);
            }
        }
        try (WebexSimulator simulator = WebexSimulator.start(port)) {
            simulator.rateLimits().set(rateLimit);
            out.println("Webex simulator serving " + simulator.baseUrl());
            if (!rateLimit.isNone()) {
                out.println("Rate limit per token: " + rateLimit);
            }
            out.flush();
            shutdown.await();
        } catch (UncheckedIOException e) {
            err.println(e.getMessage());
            return EXIT_CANNOT_START;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return EXIT_OK;
    }

    private static int usageError(PrintStream err, String message) {
        err.println(message);
        err.println(USAGE);
        return EXIT_USAGE;
    }
}
