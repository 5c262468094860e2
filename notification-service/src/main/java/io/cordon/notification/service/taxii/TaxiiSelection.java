package io.cordon.notification.service.taxii;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Applies a {@link TaxiiFilter} to a collection's objects, in the order TAXII pages them. */
public final class TaxiiSelection {
  private static final Comparator<TaxiiObject> ORDER =
      Comparator.comparing(TaxiiObject::dateAdded)
          .thenComparing(TaxiiObject::id)
          .thenComparing(TaxiiObject::version);

  private TaxiiSelection() {}

  public static TaxiiPage select(List<TaxiiObject> collection, TaxiiFilter filter) {
    List<TaxiiObject> matching = new ArrayList<>();
    for (TaxiiObject object : collection) {
      if (matches(object, filter)) {
        matching.add(object);
      }
    }
    List<TaxiiObject> versions = byVersion(matching, filter.versions());
    versions.sort(ORDER);
    int from = Math.min(filter.offset(), versions.size());
    int to = Math.min(from + filter.limit(), versions.size());
    boolean more = to < versions.size();
    return new TaxiiPage(List.copyOf(versions.subList(from, to)), more, more ? to : null);
  }

  private static boolean matches(TaxiiObject object, TaxiiFilter filter) {
    return (filter.addedAfter() == null || object.dateAdded().isAfter(filter.addedAfter()))
        && (filter.ids().isEmpty() || filter.ids().contains(object.id()))
        && (filter.types().isEmpty() || filter.types().contains(object.type()))
        && filter.specVersions().contains(object.specVersion());
  }

  // "last" and "first" pick per object id among what the other filters left (section 3.4.1)
  private static List<TaxiiObject> byVersion(List<TaxiiObject> objects, List<String> wanted) {
    if (wanted.contains("all")) {
      return new ArrayList<>(objects);
    }
    Map<String, List<TaxiiObject>> byId = new LinkedHashMap<>();
    objects.forEach(o -> byId.computeIfAbsent(o.id(), id -> new ArrayList<>()).add(o));
    List<TaxiiObject> selected = new ArrayList<>();
    for (List<TaxiiObject> versions : byId.values()) {
      versions.sort(Comparator.comparing(TaxiiObject::version));
      for (TaxiiObject version : versions) {
        boolean first = version == versions.get(0);
        boolean last = version == versions.get(versions.size() - 1);
        if ((wanted.contains("first") && first)
            || (wanted.contains("last") && last)
            || wanted.stream().anyMatch(w -> isVersion(w, version.version()))) {
          selected.add(version);
        }
      }
    }
    return selected;
  }

  private static boolean isVersion(String wanted, Instant version) {
    try {
      return Instant.parse(wanted).equals(version);
    } catch (RuntimeException notATimestamp) {
      return false;
    }
  }
}
