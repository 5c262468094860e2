package io.cordon.contracts.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cordon.contracts.SampleEvents;
import io.cordon.contracts.events.ActionRequested;
import io.cordon.contracts.events.CompromiseReported;
import io.cordon.contracts.events.CordonEvent;
import io.cordon.contracts.events.RemediationEvent;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventJsonRoundTripTest {

  private final ObjectMapper trees = EventJson.newObjectMapper();

  static Stream<CordonEvent> events() {
    return SampleEvents.all().stream();
  }

  @ParameterizedTest
  @MethodSource("events")
  void readsBackWhatItWrote(CordonEvent event) {
    String json = EventJson.write(event);

    assertThat(EventJson.read(json, event.getClass())).isEqualTo(event);
  }

  @ParameterizedTest
  @MethodSource("events")
  void readsBackWhatItWroteAsBytes(CordonEvent event) {
    byte[] json = EventJson.writeBytes(event);

    assertThat(EventJson.read(json, event.getClass())).isEqualTo(event);
  }

  @ParameterizedTest
  @MethodSource("events")
  void toleratesFieldsItDoesNotKnow(CordonEvent event) throws Exception {
    ObjectNode tree = (ObjectNode) trees.readTree(EventJson.write(event));
    tree.put("addedInALaterRelease", "x");
    tree.putObject("nestedNewThing").put("deep", 1);

    assertThat(EventJson.read(trees.writeValueAsString(tree), event.getClass())).isEqualTo(event);
  }

  @Test
  void toleratesUnknownFieldsInsideNestedRecords() throws Exception {
    CompromiseReported event = SampleEvents.compromiseReported();
    ObjectNode tree = (ObjectNode) trees.readTree(EventJson.write(event));
    ((ObjectNode) tree.get("incident")).put("classification", "espionage");
    ((ObjectNode) tree.get("accounts").get(0)).put("jobTitle", "engineer");

    assertThat(EventJson.read(trees.writeValueAsString(tree), CompromiseReported.class))
        .isEqualTo(event);
  }

  @Test
  void writesInstantsAsIsoStrings() throws Exception {
    JsonNode tree = trees.readTree(EventJson.write(SampleEvents.compromiseReported()));

    assertThat(tree.get("reportedAt").isTextual()).isTrue();
    assertThat(tree.get("reportedAt").asText()).isEqualTo("2024-06-21T09:15:30.123456789Z");
  }

  @Test
  void writesEnumsAsTheirNames() throws Exception {
    JsonNode tree = trees.readTree(EventJson.write(SampleEvents.compromiseReported()));

    assertThat(tree.get("source").asText()).isEqualTo("CSV");
    assertThat(tree.at("/incident/severity").asText()).isEqualTo("CRITICAL");
    assertThat(tree.at("/accounts/0/userType").asText()).isEqualTo("MEMBER");
  }

  @Test
  void leavesAbsentOptionalFieldsOut() throws Exception {
    RemediationEvent sparse =
        new RemediationEvent(
            RemediationEvent.SCHEMA_VERSION,
            "evt-1",
            "run-1",
            "INC-1",
            RemediationEvent.STEP_PROGRESS,
            null,
            null,
            "revoke",
            null,
            null,
            SampleEvents.AT);

    JsonNode tree = trees.readTree(EventJson.write(sparse));

    assertThat(tree.has("runState")).isFalse();
    assertThat(tree.has("detail")).isFalse();
    assertThat(tree.get("stepId").asText()).isEqualTo("revoke");
    assertThat(EventJson.read(EventJson.write(sparse), RemediationEvent.class)).isEqualTo(sparse);
  }

  @Test
  void readsAbsentOptionalCollectionsAsEmpty() throws Exception {
    ObjectNode tree = (ObjectNode) trees.readTree(EventJson.write(SampleEvents.actionRequested()));
    tree.remove("parameters");

    ActionRequested read = EventJson.read(trees.writeValueAsString(tree), ActionRequested.class);

    assertThat(read.parameters()).isEmpty();
  }

  @Test
  void keepsEventTypeOutOfThePayloadBecauseItTravelsInTheCloudEventsHeader() throws Exception {
    for (CordonEvent event : SampleEvents.all()) {
      JsonNode tree = trees.readTree(EventJson.write(event));
      assertThat(tree.has("eventType")).as(event.eventType()).isFalse();
    }
  }

  @Test
  void namesEveryEventTypeAfterItsRecord() {
    assertThat(SampleEvents.all().stream().map(CordonEvent::eventType).toList())
        .isEqualTo(
            List.of(
                "cordon.compromise-reported.v1",
                "cordon.action-requested.v1",
                "cordon.action-completed.v1",
                "cordon.notification-requested.v1",
                "cordon.notification-delivered.v1",
                "cordon.notification-failed.v1",
                "cordon.remediation-event.v1",
                "cordon.notices-opened.v1"));
  }
}
