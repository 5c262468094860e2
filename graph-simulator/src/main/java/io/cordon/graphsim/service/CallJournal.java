package io.cordon.graphsim.service;

import io.cordon.graphsim.config.SimConfig;
import io.cordon.graphsim.model.JournalEntry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/**
 * Every Graph call of every tenant (the most recent {@code sim.journal-max-entries}) and counters
 * by action, user and status, which are never trimmed.
 */
@ApplicationScoped
public class CallJournal {
  @Inject SimConfig config;
  @Inject SimTenants tenants;

  private final ArrayDeque<JournalEntry> entries = new ArrayDeque<>();
  private final AtomicLong sequence = new AtomicLong();
  private final Map<String, Map<Integer, LongAdder>> byAction = new ConcurrentHashMap<>();
  private final Map<String, Map<Integer, LongAdder>> byUser = new ConcurrentHashMap<>();
  private final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
  private int maxEntries;

  @PostConstruct
  void init() {
    maxEntries = config.journalMaxEntries();
  }

  public void record(
      String requestId,
      String method,
      String path,
      String action,
      List<String> userIds,
      int status,
      boolean effective,
      boolean inBatch,
      String cause) {
    JournalEntry entry =
        new JournalEntry(
            sequence.incrementAndGet(),
            java.time.Instant.now(),
            requestId,
            method,
            path,
            action,
            userIds,
            status,
            effective,
            inBatch,
            cause,
            tenants.current().id());
    synchronized (entries) {
      entries.addLast(entry);
      while (entries.size() > maxEntries) {
        entries.removeFirst();
      }
    }
    count(byAction, action, status);
    for (String user : userIds) {
      count(byUser, user, status);
    }
    byStatus.computeIfAbsent(status, k -> new LongAdder()).increment();
  }

  private static void count(Map<String, Map<Integer, LongAdder>> counters, String key, int status) {
    counters
        .computeIfAbsent(key, k -> new ConcurrentHashMap<>())
        .computeIfAbsent(status, k -> new LongAdder())
        .increment();
  }

  public List<JournalEntry> find(Predicate<JournalEntry> filter, int limit) {
    List<JournalEntry> found = new ArrayList<>();
    synchronized (entries) {
      for (JournalEntry entry : entries) {
        if (filter.test(entry)) {
          found.add(entry);
          if (found.size() >= limit) {
            break;
          }
        }
      }
    }
    return found;
  }

  public Map<String, Object> counts() {
    Map<String, Object> counts = new TreeMap<>();
    counts.put("byAction", snapshot(byAction));
    counts.put("byUser", snapshot(byUser));
    Map<String, Long> statuses = new TreeMap<>();
    byStatus.forEach((status, n) -> statuses.put(String.valueOf(status), n.sum()));
    counts.put("byStatus", statuses);
    counts.put("total", statuses.values().stream().mapToLong(Long::longValue).sum());
    return counts;
  }

  public Map<String, Long> countsForUser(String userId) {
    Map<String, Long> counts = new TreeMap<>();
    Map<Integer, LongAdder> statuses = byUser.getOrDefault(userId, Map.of());
    statuses.forEach((status, n) -> counts.put(String.valueOf(status), n.sum()));
    return counts;
  }

  private static Map<String, Map<String, Long>> snapshot(
      Map<String, Map<Integer, LongAdder>> counters) {
    Map<String, Map<String, Long>> copy = new TreeMap<>();
    counters.forEach(
        (key, statuses) -> {
          Map<String, Long> inner = new TreeMap<>();
          statuses.forEach((status, n) -> inner.put(String.valueOf(status), n.sum()));
          copy.put(key, inner);
        });
    return copy;
  }

  public void clear() {
    synchronized (entries) {
      entries.clear();
    }
    byAction.clear();
    byUser.clear();
    byStatus.clear();
    sequence.set(0);
  }
}
