package io.cordon.testsupport;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * CPU, not wall time, of a measured piece of work in a {@code @QuarkusTest}: the service's own
 * threads (chosen by name), the whole test JVM and the embedded PostgreSQL server. CPU distorts
 * little when other work shares the machine, which wall time does not.
 */
public final class CpuMeter {
  private final Predicate<String> serviceThread;

  public CpuMeter(Predicate<String> serviceThread) {
    this.serviceThread = serviceThread;
  }

  /**
   * A service's own threads: its pools as Quarkus names them and the Kafka clients whose names
   * contain one of {@code kafkaClients}; not the broker's or a test client's.
   */
  public static CpuMeter ofService(String... kafkaClients) {
    return new CpuMeter(
        name ->
            name.startsWith("executor-thread")
                || name.startsWith("vert.x-")
                || name.startsWith("cordon-")
                || name.startsWith("smallrye-kafka")
                || name.startsWith("agroal")
                || name.startsWith("quarkus-")
                || java.util.Arrays.stream(kafkaClients).anyMatch(name::contains));
  }

  /** CPU nanoseconds used so far. */
  public record Snapshot(
      long process, long serviceThreads, long postgres, Map<String, Long> byThreadGroup) {}

  public Snapshot take() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Map<String, Long> byGroup = new HashMap<>();
    long service = 0;
    for (long id : threads.getAllThreadIds()) {
      ThreadInfo info = threads.getThreadInfo(id);
      long cpu = threads.getThreadCpuTime(id);
      if (info == null || cpu < 0) {
        continue;
      }
      byGroup.merge(info.getThreadName().replaceAll("[0-9]+", "N"), cpu, Long::sum);
      if (serviceThread.test(info.getThreadName())) {
        service += cpu;
      }
    }
    long process =
        ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
            .getProcessCpuTime();
    return new Snapshot(process, service, postgresCpu(), byGroup);
  }

  /**
   * Prints, with {@code label} first on every line, the CPU between two snapshots per unit of work
   * and the busiest thread groups.
   */
  public static void report(
      String label, String unit, long units, Snapshot before, Snapshot after) {
    print(label, "service threads", after.serviceThreads - before.serviceThreads, unit, units);
    print(label, "whole test JVM", after.process - before.process, unit, units);
    print(label, "PostgreSQL", after.postgres - before.postgres, unit, units);
    Map<String, Long> byGroup = new HashMap<>();
    after.byThreadGroup.forEach(
        (group, nanos) -> byGroup.put(group, nanos - before.byThreadGroup.getOrDefault(group, 0L)));
    byGroup.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(15)
        .forEach(
            e -> System.out.printf("%s   %-50s %8.0f ms%n", label, e.getKey(), e.getValue() / 1e6));
  }

  private static void print(String label, String what, long nanos, String unit, long units) {
    System.out.printf(
        "%s %s: %.0f ms = %.2f ms/%s%n", label, what, nanos / 1e6, nanos / 1e6 / units, unit);
  }

  // the embedded server's postmaster (found by its port) and its backends; backends that ended
  // during the measurement are not counted, but pooled connections live through it
  private static long postgresCpu() {
    String port = String.valueOf(EmbeddedPostgresResource.server().getPort());
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().command().orElse("").endsWith("postgres"))
        .filter(p -> p.info().arguments().map(args -> List.of(args).contains(port)).orElse(false))
        .flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))
        .mapToLong(p -> p.info().totalCpuDuration().orElse(Duration.ZERO).toNanos())
        .sum();
  }
}
