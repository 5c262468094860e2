package io.cordon.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What to measure. Defaults are the published benchmark; {@code --quick} is 200 accounts and small
 * samples. Each can be overridden: {@code --sizes=200,2000 --script-sample=200 --detections=200
 * --large=10000 --engine=10000 --warm-up=100} (0 skips large / engine / the warm-up).
 *
 * @param warmUp accounts of an unmeasured first run, so that the measured ones meet services that
 *     have run before (compiled code, connections, Kafka partitions assigned), as in an incident
 */
record Settings(
    List<Integer> sizes, int scriptSample, int detections, int large, int engine, int warmUp) {

  static Settings parse(String[] args) {
    boolean quick = Arrays.asList(args).contains("--quick");
    Settings s =
        quick
            ? new Settings(List.of(200), 50, 30, 0, 0, 100)
            : new Settings(List.of(200, 2_000), 200, 200, 10_000, 10_000, 100);
    for (String arg : args) {
      String[] kv = arg.split("=", 2);
      switch (kv[0]) {
        case "--quick" -> {}
        case "--sizes" -> {
          List<Integer> sizes = new ArrayList<>();
          for (String size : kv[1].split(",")) {
            if (!size.isBlank()) { // --sizes= runs none
              sizes.add(Integer.parseInt(size.trim()));
            }
          }
          s = new Settings(sizes, s.scriptSample, s.detections, s.large, s.engine, s.warmUp);
        }
        case "--script-sample" ->
            s =
                new Settings(
                    s.sizes, Integer.parseInt(kv[1]), s.detections, s.large, s.engine, s.warmUp);
        case "--detections" ->
            s =
                new Settings(
                    s.sizes, s.scriptSample, Integer.parseInt(kv[1]), s.large, s.engine, s.warmUp);
        case "--large" ->
            s =
                new Settings(
                    s.sizes,
                    s.scriptSample,
                    s.detections,
                    Integer.parseInt(kv[1]),
                    s.engine,
                    s.warmUp);
        case "--engine" ->
            s =
                new Settings(
                    s.sizes,
                    s.scriptSample,
                    s.detections,
                    s.large,
                    Integer.parseInt(kv[1]),
                    s.warmUp);
        case "--warm-up" ->
            s =
                new Settings(
                    s.sizes,
                    s.scriptSample,
                    s.detections,
                    s.large,
                    s.engine,
                    Integer.parseInt(kv[1]));
        default ->
            throw new IllegalArgumentException(
                "Unknown option "
                    + arg
                    + "; known: --quick --sizes=200,2000 --script-sample=N --detections=N"
                    + " --large=N --engine=N --warm-up=N");
      }
    }
    return s;
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
