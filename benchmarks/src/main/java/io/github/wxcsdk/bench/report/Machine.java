package io.github.wxcsdk.bench.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * Where the figures were taken.
 *
 * @param cores     available processors
 * @param cpu       the CPU model, when /proc/cpuinfo tells
 * @param jdk       vendor, version and VM
 * @param os        name, version, architecture
 * @param memoryGiB physical memory
 * @param loadStart the load averages (1, 5, 15 min) when the run started
 * @param loadEnd   the load averages when it ended
 * @param started   when the run started
 */
public record Machine(int cores, String cpu, String jdk, String os, double memoryGiB, String loadStart,
                      String loadEnd, String started) {

    /** @return this machine, now; {@code loadEnd} still empty */
    public static Machine now() {
        return new Machine(Runtime.getRuntime().availableProcessors(), readCpu(),
                System.getProperty("java.vendor") + " " + System.getProperty("java.runtime.version") + " ("
                        + System.getProperty("java.vm.name") + ")",
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                        + System.getProperty("os.arch"),
                readMemoryGiB(), load(), "", Instant.now().toString());
    }

    /** @return a copy with the load averages of now as {@code loadEnd} */
    public Machine ended() {
        return new Machine(cores, cpu, jdk, os, memoryGiB, loadStart, load(), started);
    }

    /** @return the 1, 5 and 15 minute load averages, from /proc/loadavg where there is one */
    public static String load() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    private static String readCpu() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst().orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static double readMemoryGiB() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return Math.round(sun.getTotalMemorySize() / (1024.0 * 1024 * 1024) * 10) / 10.0;
        }
        return 0;
    }
}
