package dev.nines.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The machine a benchmark ran on, as recorded next to its numbers.
 *
 * @param processors what {@code nproc} reports (processors available to the JVM)
 * @param memory total memory from /proc/meminfo, e.g. {@code 23.4 GiB}
 * @param cpuModel the first {@code model name} of /proc/cpuinfo
 * @param jdk runtime name and version
 * @param loadAverage the 1, 5 and 15 minute load averages when the run started
 * @param date when the run started, UTC
 */
public record MachineInfo(
    int processors, String memory, String cpuModel, String jdk, String loadAverage, String date) {

  /** Reads the running machine's facts. */
  public static MachineInfo current() {
    return new MachineInfo(
        Runtime.getRuntime().availableProcessors(),
        readMemory(),
        firstValue(Path.of("/proc/cpuinfo"), "model name").orElse("unknown"),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
        readLoadAverage(),
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC)
            .format(Instant.now()));
  }

  /** One Markdown line, e.g. {@code nproc 2 · 23.4 GiB · AMD EPYC · OpenJDK 17 · load 1.2 ...}. */
  public String line() {
    return "nproc "
        + processors
        + " · memory "
        + memory
        + " · CPU "
        + cpuModel
        + " · "
        + jdk
        + " · load average at start "
        + loadAverage;
  }

  private static String readMemory() {
    return firstValue(Path.of("/proc/meminfo"), "MemTotal")
        .map(value -> value.replace("kB", "").trim())
        .map(kilobytes -> String.format("%.1f GiB", Long.parseLong(kilobytes) / 1024.0 / 1024.0))
        .orElse("unknown");
  }

  private static String readLoadAverage() {
    try {
      List<String> parts = List.of(Files.readString(Path.of("/proc/loadavg")).trim().split(" "));
      return String.join(" ", parts.subList(0, Math.min(3, parts.size())));
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static Optional<String> firstValue(Path file, String key) {
    try {
      return Files.readAllLines(file).stream()
          .filter(line -> line.startsWith(key))
          .map(line -> line.substring(line.indexOf(':') + 1).trim())
          .findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
