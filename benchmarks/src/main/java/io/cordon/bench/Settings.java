package io.cordon.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What to measure. Defaults are the published benchmark; {@code --quick} is 200 accounts and small
 * samples. Each can be overridden: {@code --sizes=200,2000 --script-sample=200 --detections=200
 * --large=10000 --engine=10000} (0 skips large / engine).
 */
record Settings(List<Integer> sizes, int scriptSample, int detections, int large, int engine) {

  static Settings parse(String[] args) {
    boolean quick = Arrays.asList(args).contains("--quick");
    Settings s =
        quick
            ? new Settings(List.of(200), 50, 30, 0, 0)
            : new Settings(List.of(200, 2_000), 200, 200, 10_000, 10_000);
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
          s = new Settings(sizes, s.scriptSample, s.detections, s.large, s.engine);
        }
        case "--script-sample" ->
            s = new Settings(s.sizes, Integer.parseInt(kv[1]), s.detections, s.large, s.engine);
        case "--detections" ->
            s = new Settings(s.sizes, s.scriptSample, Integer.parseInt(kv[1]), s.large, s.engine);
        case "--large" ->
            s =
                new Settings(
                    s.sizes, s.scriptSample, s.detections, Integer.parseInt(kv[1]), s.engine);
        case "--engine" ->
            s =
                new Settings(
                    s.sizes, s.scriptSample, s.detections, s.large, Integer.parseInt(kv[1]));
        default ->
            throw new IllegalArgumentException(
                "Unknown option "
                    + arg
                    + "; known: --quick --sizes=200,2000 --script-sample=N --detections=N"
                    + " --large=N --engine=N");
      }
    }
    return s;
  }

  /** Cloud-only members needed: every slice is disjoint, large/engine reuse the first ones. */
  int membersNeeded() {
    int sliced = sizes.stream().mapToInt(Integer::intValue).sum() + detections;
    return Math.max(Math.max(sliced, scriptSample), Math.max(large, engine));
  }

  /** About 68 % of a generated tenant are cloud-only members (others: synced, guests, admins). */
  int tenantUsers() {
    return Math.max(1_000, (int) Math.ceil(membersNeeded() / 0.66));
  }
}
