package io.cordon.notification.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.contracts.Disclosure;
import io.cordon.contracts.IndicatorType;
import io.cordon.contracts.Tlp;
import io.cordon.contracts.events.AffectedAccount;
import io.cordon.contracts.events.IncidentRef;
import io.cordon.contracts.json.EventJson;
import io.cordon.notification.mapping.StixObjects.StixObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The indicators of compromise of one partner's accounts as a STIX 2.1 bundle ({@code data.stix} of
 * a notice): Cordon's identity, a report about the incident, one indicator and one sighting per
 * distinct indicator value with a STIX pattern, locations, risk event types and free text as the
 * report's {@code x_cordon_observations}, and the partner's TLP 2.0 marking definition, which marks
 * every other object. Only accounts in the partner's groups or domains contribute. Ids are
 * name-based on the notice id, so the bundle of a notice is the same every time it is made.
 *
 * <p>Account names enter only for partners with {@code accounts} disclosure, as {@code
 * user-account} observables behind an {@code observed-data} per sighting. A value that spells out
 * an account name the partner may not see (free text, a URL with a UPN in it) is left out.
 */
public final class StixBundles {
  private static final ObjectMapper JSON = EventJson.newObjectMapper();

  static final String ORGANISATION = "Cordon";
  // Cordon's identity is one object whatever the notice: its id and version never change
  static final String IDENTITY_ID =
      "identity--" + StixIds.uuid5(StixIds.CORDON, "identity|organization|" + ORGANISATION);
  static final String IDENTITY_CREATED = "2024-01-01T00:00:00.000Z";

  private StixBundles() {}

  /** The notice the bundle belongs to, and how much its partner may learn. */
  public record Subject(
      java.util.UUID noticeId, Instant at, IncidentRef incident, Tlp tlp, Disclosure disclosure) {}

  /** One distinct indicator value over the partner's accounts. */
  private static final class Seen {
    final IndicatorType type;
    final String value;
    final Set<String> accounts = new LinkedHashSet<>();
    Instant firstSeen;
    Instant lastSeen;
    Instant firstObserved;

    Seen(IndicatorType type, String value) {
      this.type = type;
      this.value = value;
    }

    void add(AffectedAccount account, Instant observedAt) {
      accounts.add(account.userPrincipalName().toLowerCase(Locale.ROOT));
      firstObserved = earlier(firstObserved, observedAt);
      firstSeen = earlier(earlier(firstSeen, observedAt), account.firstActivityAt());
      lastSeen = later(later(lastSeen, observedAt), account.containedAt());
    }

    /** The window never closes before it opens, whatever the evidence's clocks said. */
    Instant lastSeen() {
      return firstSeen != null && lastSeen != null && lastSeen.isBefore(firstSeen)
          ? firstSeen
          : lastSeen;
    }
  }

  /**
   * The bundle for a notice, or nothing when the partner's accounts name no indicator.
   *
   * @param inScope the affected accounts in the partner's groups or domains
   * @param allAccounts every affected account of the request: names the partner may not see are
   *     kept out of the bundle
   */
  public static Optional<StixObjects.Bundle> build(
      Subject subject, List<AffectedAccount> inScope, Collection<AffectedAccount> allAccounts) {
    Set<String> hidden = hiddenNames(subject.disclosure(), inScope, allAccounts);
    Map<String, Seen> seen = new LinkedHashMap<>();
    for (AffectedAccount account : inScope) {
      if (account.indicators() == null) {
        continue;
      }
      for (var indicator : account.indicators()) {
        String value = StixPatterns.normalized(indicator.type(), indicator.value());
        if (value.isEmpty() || mentionsAny(value, hidden)) {
          continue;
        }
        seen.computeIfAbsent(
                indicator.type().name() + "|" + value, k -> new Seen(indicator.type(), value))
            .add(account, indicator.observedAt());
      }
    }
    if (seen.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(bundle(subject, inScope.size(), seen.values()));
  }

  /** The bundle as the JSON tree a notice carries. */
  public static JsonNode tree(StixObjects.Bundle bundle) {
    return JSON.valueToTree(bundle);
  }

  private static StixObjects.Bundle bundle(Subject subject, int accounts, Collection<Seen> seen) {
    var noticeId = subject.noticeId();
    String at = StixObjects.time(subject.at());
    List<String> marking = List.of(TlpMarkings.id(subject.tlp()));
    String reportId = StixIds.of(noticeId, "report", subject.incident().id());
    List<StixObject> described = new ArrayList<>();
    List<StixObject> observables = new ArrayList<>();
    List<StixObjects.Observation> observations = new ArrayList<>();
    for (Seen one : seen) {
      String key = one.type.name() + "|" + one.value;
      if (!StixPatterns.hasPattern(one.type)) {
        observations.add(
            new StixObjects.Observation(one.type.name(), one.value, one.accounts.size()));
        continue;
      }
      String indicatorId = StixIds.of(noticeId, "indicator", key);
      described.add(
          new StixObjects.Indicator(
              "indicator",
              StixObjects.SPEC_VERSION,
              indicatorId,
              IDENTITY_ID,
              at,
              at,
              one.value,
              describe(one.type) + " seen on " + count(one.accounts.size()) + " in your scope",
              List.of("malicious-activity"),
              StixPatterns.pattern(one.type, one.value),
              "stix",
              one.firstObserved == null ? at : StixObjects.time(one.firstObserved),
              marking));
      List<String> observedDataRefs = null;
      if (subject.disclosure() == Disclosure.ACCOUNTS) {
        var observed = observedData(subject, key, one, marking);
        observables.addAll(observed);
        observedDataRefs = List.of(observed.get(0).id());
      }
      described.add(
          new StixObjects.Sighting(
              "sighting",
              StixObjects.SPEC_VERSION,
              StixIds.of(noticeId, "sighting", key),
              IDENTITY_ID,
              at,
              at,
              StixObjects.time(one.firstSeen),
              StixObjects.time(one.lastSeen()),
              one.accounts.size(),
              indicatorId,
              observedDataRefs,
              List.of(IDENTITY_ID),
              marking));
    }
    described.addAll(observables);
    // a report must refer to something: with nothing but observations, to its author
    List<String> reported =
        described.stream()
            .filter(o -> !(o instanceof StixObjects.UserAccount))
            .map(StixObject::id)
            .toList();
    List<StixObject> objects = new ArrayList<>();
    objects.add(TlpMarkings.definition(subject.tlp()));
    objects.add(identity(marking));
    objects.add(
        new StixObjects.Report(
            "report",
            StixObjects.SPEC_VERSION,
            reportId,
            IDENTITY_ID,
            at,
            at,
            reportName(subject.incident()),
            "Indicators of compromise that incident "
                + subject.incident().id()
                + " names for "
                + count(accounts)
                + " in your scope.",
            List.of("threat-report"),
            at,
            reported.isEmpty() ? List.of(IDENTITY_ID) : reported,
            List.of(new StixObjects.ExternalReference("cordon", subject.incident().id(), null)),
            observations.isEmpty() ? null : observations,
            marking));
    objects.addAll(described);
    return new StixObjects.Bundle(
        "bundle", StixIds.of(noticeId, "bundle", subject.incident().id()), objects);
  }

  /** An observed-data naming the accounts an indicator was seen on, then their user-accounts. */
  private static List<StixObject> observedData(
      Subject subject, String key, Seen one, List<String> marking) {
    String at = StixObjects.time(subject.at());
    List<StixObject> accounts = new ArrayList<>();
    for (String upn : one.accounts) {
      accounts.add(
          new StixObjects.UserAccount(
              "user-account",
              StixObjects.SPEC_VERSION,
              // STIX 2.1 §2.9: uuid5 of the id-contributing properties, as canonical JSON
              "user-account--"
                  + StixIds.uuid5(StixIds.STIX_SCO, "{\"account_login\":" + jsonString(upn) + "}"),
              upn,
              marking));
    }
    String first = one.firstSeen == null ? at : StixObjects.time(one.firstSeen);
    String last = one.lastSeen() == null ? first : StixObjects.time(one.lastSeen());
    List<StixObject> objects = new ArrayList<>();
    objects.add(
        new StixObjects.ObservedData(
            "observed-data",
            StixObjects.SPEC_VERSION,
            StixIds.of(subject.noticeId(), "observed-data", key),
            IDENTITY_ID,
            at,
            at,
            first,
            last,
            one.accounts.size(),
            accounts.stream().map(StixObject::id).toList(),
            marking));
    objects.addAll(accounts);
    return objects;
  }

  private static StixObjects.Identity identity(List<String> marking) {
    return new StixObjects.Identity(
        "identity",
        StixObjects.SPEC_VERSION,
        IDENTITY_ID,
        IDENTITY_CREATED,
        IDENTITY_CREATED,
        ORGANISATION,
        "organization",
        marking);
  }

  private static String reportName(IncidentRef incident) {
    return incident.title() == null
        ? "Incident " + incident.id()
        : "Incident " + incident.id() + ": " + incident.title();
  }

  private static String describe(IndicatorType type) {
    return switch (type) {
      case IPV4 -> "IPv4 address";
      case IPV6 -> "IPv6 address";
      case DOMAIN -> "Domain name";
      case URL -> "URL";
      case SHA256 -> "File (SHA-256)";
      case USER_AGENT -> "HTTP user agent";
      default -> type.name();
    };
  }

  private static String count(int accounts) {
    return accounts + (accounts == 1 ? " account" : " accounts");
  }

  /** Lower-case names the partner may not learn: all for summary, those outside its scope else. */
  private static Set<String> hiddenNames(
      Disclosure disclosure, List<AffectedAccount> inScope, Collection<AffectedAccount> all) {
    Set<String> visible = new LinkedHashSet<>();
    if (disclosure == Disclosure.ACCOUNTS) {
      inScope.forEach(a -> visible.add(a.userPrincipalName().toLowerCase(Locale.ROOT)));
    }
    Set<String> hidden = new LinkedHashSet<>();
    for (AffectedAccount account : all) {
      String upn = account.userPrincipalName().toLowerCase(Locale.ROOT);
      if (!visible.contains(upn)) {
        hidden.add(upn);
      }
    }
    if (disclosure != Disclosure.ACCOUNTS) {
      inScope.forEach(a -> hidden.add(a.userPrincipalName().toLowerCase(Locale.ROOT)));
    }
    return hidden;
  }

  private static boolean mentionsAny(String value, Set<String> names) {
    String lower = value.toLowerCase(Locale.ROOT);
    return names.stream().anyMatch(lower::contains);
  }

  private static String jsonString(String value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Instant earlier(Instant one, Instant other) {
    if (one == null || other == null) {
      return one == null ? other : one;
    }
    return other.isBefore(one) ? other : one;
  }

  private static Instant later(Instant one, Instant other) {
    if (one == null || other == null) {
      return one == null ? other : one;
    }
    return other.isAfter(one) ? other : one;
  }
}
