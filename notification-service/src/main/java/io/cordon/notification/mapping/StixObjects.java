package io.cordon.notification.mapping;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The STIX 2.1 objects a notice's bundle is made of, in the JSON form the specification writes
 * (snake_case properties, absent values left out). Timestamps are strings with milliseconds, as
 * {@code created} and {@code modified} require.
 */
public final class StixObjects {
  public static final String SPEC_VERSION = "2.1";

  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private StixObjects() {}

  /** {@code 2024-01-10T09:22:00.000Z}; null stays null. */
  public static String time(Instant instant) {
    return instant == null ? null : MILLIS.format(instant);
  }

  /** What every object of a bundle has. */
  public interface StixObject {
    String type();

    String id();
  }

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Bundle(String type, String id, List<StixObject> objects) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record MarkingDefinition(
      String type,
      String specVersion,
      String id,
      String created,
      String name,
      Map<String, Object> extensions)
      implements StixObject {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Identity(
      String type,
      String specVersion,
      String id,
      String created,
      String modified,
      String name,
      String identityClass,
      List<String> objectMarkingRefs)
      implements StixObject {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ExternalReference(String sourceName, String externalId, String description) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Report(
      String type,
      String specVersion,
      String id,
      String createdByRef,
      String created,
      String modified,
      String name,
      String description,
      List<String> reportTypes,
      String published,
      List<String> objectRefs,
      List<ExternalReference> externalReferences,
      List<Observation> xCordonObservations,
      List<String> objectMarkingRefs)
      implements StixObject {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Indicator(
      String type,
      String specVersion,
      String id,
      String createdByRef,
      String created,
      String modified,
      String name,
      String description,
      List<String> indicatorTypes,
      String pattern,
      String patternType,
      String validFrom,
      List<String> objectMarkingRefs)
      implements StixObject {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Sighting(
      String type,
      String specVersion,
      String id,
      String createdByRef,
      String created,
      String modified,
      String firstSeen,
      String lastSeen,
      Integer count,
      String sightingOfRef,
      List<String> observedDataRefs,
      List<String> whereSightedRefs,
      List<String> objectMarkingRefs)
      implements StixObject {}

  /**
   * Location, risk event type and free text: what the evidence names that no STIX pattern can
   * express. They travel on the report as the custom property {@code x_cordon_observations}; a
   * {@code note} would say the same, but the official bundle schema accepts no note.
   *
   * @param type {@code LOCATION}, {@code RISK_EVENT_TYPE} or {@code TEXT}
   * @param accounts how many of the partner's accounts it was seen on
   */
  public record Observation(String type, String value, int accounts) {}

  /** The accounts an indicator was seen on; only for partners entitled to account names. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ObservedData(
      String type,
      String specVersion,
      String id,
      String createdByRef,
      String created,
      String modified,
      String firstObserved,
      String lastObserved,
      int numberObserved,
      List<String> objectRefs,
      List<String> objectMarkingRefs)
      implements StixObject {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record UserAccount(
      String type,
      String specVersion,
      String id,
      String accountLogin,
      List<String> objectMarkingRefs)
      implements StixObject {}
}
