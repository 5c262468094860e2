package io.cordon.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cordon.contracts.ReportSource;
import io.cordon.contracts.SampleEvents;
import io.cordon.contracts.UserType;
import io.cordon.contracts.json.EventJson;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The optional evidence fields of round 2 (activity time, inferred incident) stay additive. */
class CompromiseReportedEvidenceTest {
  private static final Instant ACTIVITY = Instant.parse("2026-12-06T09:15:00Z");
  private final ObjectMapper trees = EventJson.newObjectMapper();

  @Test
  void carriesActivityTimeAndInferredIncidentThroughJson() {
    ResolvedAccount account =
        new ResolvedAccount(
            "u-1",
            "u1@example.jp",
            "t-1",
            UserType.MEMBER,
            false,
            true,
            List.of(),
            List.of(),
            ACTIVITY);
    CompromiseReported event =
        CompromiseReported.chunked(
                "rep-9",
                new IncidentRef("risk-1", null, null),
                List.of(account),
                null,
                ReportSource.DETECTION,
                "detector",
                null,
                Instant.parse("2026-12-06T10:00:00Z"),
                true)
            .get(0);

    CompromiseReported read = EventJson.read(EventJson.write(event), CompromiseReported.class);

    assertThat(read.accounts().get(0).activityAt()).isEqualTo(ACTIVITY);
    assertThat(read.joinsOpenIncident()).isTrue();
  }

  @Test
  void readsAnEarlierProducersEventWithoutThem() throws Exception {
    ObjectNode tree =
        (ObjectNode) trees.readTree(EventJson.write(SampleEvents.compromiseReported()));
    assertThat(tree.has("incidentInferred")).isFalse();
    assertThat(tree.get("accounts").get(0).has("activityAt")).isFalse();

    CompromiseReported read =
        EventJson.read(trees.writeValueAsString(tree), CompromiseReported.class);

    assertThat(read.joinsOpenIncident()).isFalse();
    assertThat(read.accounts().get(0).activityAt()).isNull();
  }

  @Test
  void carriesTheTenantsConfiguredNameAndReadsEventsWithoutIt() throws Exception {
    CompromiseReported event = SampleEvents.compromiseReported();
    CompromiseReported read = EventJson.read(EventJson.write(event), CompromiseReported.class);
    assertThat(read.accounts().get(0).tenantName()).isEqualTo("contoso");

    ObjectNode tree = (ObjectNode) trees.readTree(EventJson.write(event));
    ((ObjectNode) tree.get("accounts").get(0)).remove("tenantName");
    CompromiseReported earlier =
        EventJson.read(trees.writeValueAsString(tree), CompromiseReported.class);
    assertThat(earlier.accounts().get(0).tenantName()).isNull();
    assertThat(earlier.accounts().get(0).tenantId()).isEqualTo("tenant-1");
  }
}
