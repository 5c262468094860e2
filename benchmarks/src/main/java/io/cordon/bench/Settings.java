package io.cordon.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What to measure. Defaults are the published benchmark; {@code --quick} is 200 accounts and small
 * samples. Each can be overridden: {@code --sizes=200,2000 --script-sample=200 --detections=200
 * --large=10000 --engine=10000 --warm-up=100} (0 skips large / engine / the warm-up); {@code
 * --service-jvm=OPTION}, repeatable, adds a JVM option to the three services (trials of their JVM
 * settings; the simulator keeps its own).
 *
 * @param warmUp accounts of an unmeasured first run, so that the measured ones meet services that
 *     have run before (compiled code, connections, Kafka partitions assigned), as in an incident
 */
record Settings(
    List<Integer> sizes,
    int scriptSample,
    int detections,
    int large,
    int engine,
    int warmUp,
    List<String> serviceJvm) {

  private static final Map<String, Integer> FULL =
      Map.of(
          "--script-sample", 200,
          "--detections", 200,
          "--large", 10_000,
          "--engine", 10_000,
          "--warm-up", 100);
  private static final Map<String, Integer> QUICK =
      Map.of(
          "--script-sample", 50, "--detections", 30, "--large", 0, "--engine", 0, "--warm-up", 100);

  static Settings parse(String[] args) {
    boolean quick = Arrays.asList(args).contains("--quick");
    List<Integer> sizes = quick ? List.of(200) : List.of(200, 2_000);
    Map<String, Integer> counts = new HashMap<>(quick ? QUICK : FULL);
    List<String> serviceJvm = new ArrayList<>();
    for (String arg : args) {
      String[] kv = arg.split("=", 2);
      if (kv[0].equals("--service-jvm") && kv.length == 2 && kv[1].startsWith("-")) {
        serviceJvm.add(kv[1]);
      } else if (kv[0].equals("--sizes")) {
        sizes = sizes(kv[1]);
      } else if (counts.containsKey(kv[0]) && kv.length == 2) {
        counts.put(kv[0], Integer.parseInt(kv[1]));
      } else if (!kv[0].equals("--quick")) {
        throw new IllegalArgumentException(
            "Unknown option "
                + arg
                + "; known: --quick --sizes=200,2000 --script-sample=N --detections=N"
                + " --large=N --engine=N --warm-up=N --service-jvm=-XX:OPTION");
      }
    }
    return new Settings(
        sizes,
        counts.get("--script-sample"),
        counts.get("--detections"),
        counts.get("--large"),
        counts.get("--engine"),
        counts.get("--warm-up"),
        List.copyOf(serviceJvm));
  }

  private static List<Integer> sizes(String list) {
    List<Integer> sizes = new ArrayList<>();
    for (String size : list.split(",")) {
      if (!size.isBlank()) { // --sizes= runs none
        sizes.add(Integer.parseInt(size.trim()));
      }
    }
    return sizes;
  }

  /**
   * Cloud-only members needed: every Cordon run gets accounts of its own (the script's sample
   * reuses the first ones; it does not go through Cordon).
   */
  int membersNeeded() {
    int sliced =
        warmUp + sizes.stream().mapToInt(Integer::intValue).sum() + detections + large + engine;
    return Math.max(sliced, scriptSample);
  }

  /** About 68 % of a generated tenant are cloud-only members (others: synced, guests, admins). */
  int tenantUsers() {
    return Math.max(1_000, (int) Math.ceil(membersNeeded() / 0.66));
  }
}
