package io.cordon.contracts.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cordon.contracts.EventFormatException;
import io.cordon.contracts.ReasonCode;
import io.cordon.contracts.RecordComponents;
import io.cordon.contracts.SampleEvents;
import io.cordon.contracts.events.ActionCompleted;
import io.cordon.contracts.events.CompromiseReported;
import io.cordon.contracts.events.CordonEvent;
import io.cordon.contracts.events.NotificationRequested;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventJsonRejectionTest {

  private static final ObjectMapper TREES = EventJson.newObjectMapper();

  static Stream<Arguments> requiredFields() {
    return SampleEvents.all().stream()
        .flatMap(
            event ->
                RecordComponents.required(event.getClass()).stream()
                    .map(field -> Arguments.of(event.getClass().getSimpleName(), field, event)));
  }

  static Stream<Arguments> optionalFields() {
    return SampleEvents.all().stream()
        .flatMap(
            event ->
                RecordComponents.optional(event.getClass()).stream()
                    .map(field -> Arguments.of(event.getClass().getSimpleName(), field, event)));
  }

  @ParameterizedTest(name = "{0} without {1}")
  @MethodSource("requiredFields")
  void rejectsAbsentRequiredField(String type, String field, CordonEvent event) {
    String json = edit(event, tree -> tree.remove(field));

    assertThatThrownBy(() -> EventJson.read(json, event.getClass()))
        .isInstanceOf(EventFormatException.class)
        .hasMessage(type + ": missing required field '" + field + "'");
  }

  @ParameterizedTest(name = "{0} with null {1}")
  @MethodSource("requiredFields")
  void rejectsNullRequiredField(String type, String field, CordonEvent event) {
    String json = edit(event, tree -> tree.putNull(field));

    assertThatThrownBy(() -> EventJson.read(json, event.getClass()))
        .isInstanceOf(EventFormatException.class)
        .hasMessage(type + ": missing required field '" + field + "'");
  }

  @ParameterizedTest(name = "{0} without {1}")
  @MethodSource("optionalFields")
  void acceptsAbsentOptionalField(String type, String field, CordonEvent event) throws Exception {
    String json = edit(event, tree -> tree.remove(field));

    CordonEvent read = EventJson.read(json, event.getClass());

    Object value = event.getClass().getMethod(field).invoke(read);
    assertThat(value)
        .satisfiesAnyOf(v -> assertThat(v).isNull(), v -> assertThat(v).isEqualTo(Map.of()));
    assertThat(read.eventId()).isEqualTo(event.eventId());
  }

  @Test
  void namesTheMissingFieldInsideANestedRecord() {
    String json =
        edit(
            SampleEvents.compromiseReported(),
            tree -> ((ObjectNode) tree.get("incident")).remove("id"));

    assertThatThrownBy(() -> EventJson.read(json, CompromiseReported.class))
        .isInstanceOf(EventFormatException.class)
        .hasMessage("CompromiseReported: missing required field 'incident.id'")
        .asInstanceOf(type(EventFormatException.class))
        .satisfies(
            e -> {
              assertThat(e.eventType()).isEqualTo("CompromiseReported");
              assertThat(e.field()).isEqualTo("incident.id");
              assertThat(e.isMissingField()).isTrue();
            });
  }

  @Test
  void namesTheMissingFieldInsideAListElement() {
    String json =
        edit(
            SampleEvents.compromiseReported(),
            tree -> ((ObjectNode) tree.get("accounts").get(1)).remove("objectId"));

    assertThatThrownBy(() -> EventJson.read(json, CompromiseReported.class))
        .isInstanceOf(EventFormatException.class)
        .hasMessage("CompromiseReported: missing required field 'accounts[1].objectId'");
  }

  @Test
  void namesAMissingNestedBooleanInsteadOfReadingItAsFalse() {
    String json =
        edit(
            SampleEvents.compromiseReported(),
            tree -> ((ObjectNode) tree.get("accounts").get(2)).remove("onPremisesSynced"));

    assertThatThrownBy(() -> EventJson.read(json, CompromiseReported.class))
        .isInstanceOf(EventFormatException.class)
        .hasMessage("CompromiseReported: missing required field 'accounts[2].onPremisesSynced'");
  }

  @Test
  void namesAMissingNestedNumberInsteadOfReadingItAsZero() {
    String json =
        edit(
            SampleEvents.notificationRequested(),
            tree -> ((ObjectNode) tree.get("runSummary")).remove("accountsTotal"));

    assertThatThrownBy(() -> EventJson.read(json, NotificationRequested.class))
        .isInstanceOf(EventFormatException.class)
        .hasMessage("NotificationRequested: missing required field 'runSummary.accountsTotal'");
  }

  @Test
  void rejectsMalformedJsonWithItsPosition() {
    assertThatThrownBy(() -> EventJson.read("{\"eventId\": \"e-1\",", CompromiseReported.class))
        .isInstanceOf(EventFormatException.class)
        .hasMessageStartingWith("CompromiseReported: malformed JSON at line 1, column ");
  }

  @Test
  void rejectsTextThatIsNotJson() {
    assertThatThrownBy(() -> EventJson.read("reportId=rep-1", CompromiseReported.class))
        .isInstanceOf(EventFormatException.class)
        .hasMessageStartingWith("CompromiseReported: malformed JSON");
  }

  @Test
  void rejectsEmptyAndNullPayloads() {
    assertThatThrownBy(() -> EventJson.read("", ActionCompleted.class))
        .isInstanceOf(EventFormatException.class)
        .hasMessage("ActionCompleted: payload is empty");
    assertThatThrownBy(() -> EventJson.read(new byte[0], ActionCompleted.class))
        .isInstanceOf(EventFormatException.class)
        .hasMessage("ActionCompleted: payload is empty");
    assertThatThrownBy(() -> EventJson.read("null", ActionCompleted.class))
        .isInstanceOf(EventFormatException.class)
        .hasMessage("ActionCompleted: payload is JSON null");
  }

  @Test
  void rejectsJsonOfTheWrongShape() {
    assertThatThrownBy(() -> EventJson.read("[1, 2]", ActionCompleted.class))
        .isInstanceOf(EventFormatException.class)
        .hasMessageStartingWith("ActionCompleted: payload does not have the event's shape");
  }

  @Test
  void rejectsAnEnumValueItDoesNotKnowNamingTheField() {
    String json = edit(SampleEvents.actionCompleted(), tree -> tree.put("outcome", "EXPLODED"));

    assertThatThrownBy(() -> EventJson.read(json, ActionCompleted.class))
        .isInstanceOf(EventFormatException.class)
        .hasMessageStartingWith("ActionCompleted: invalid field 'outcome': ")
        .hasMessageContaining("EXPLODED");
  }

  @Test
  void readsAReasonCodeFromANewerProducerAsUnknownError() {
    String json =
        edit(SampleEvents.actionCompleted(), tree -> tree.put("reasonCode", "MAILBOX_ON_HOLD"));

    assertThat(EventJson.read(json, ActionCompleted.class).reasonCode())
        .isEqualTo(ReasonCode.UNKNOWN_ERROR);
  }

  @Test
  void rejectsAWrongTypeNamingTheField() {
    String json = edit(SampleEvents.actionCompleted(), tree -> tree.put("attempts", "three"));

    assertThatThrownBy(() -> EventJson.read(json, ActionCompleted.class))
        .isInstanceOf(EventFormatException.class)
        .hasMessageStartingWith("ActionCompleted: invalid field 'attempts': ");
  }

  @Test
  void rejectsABlankIdAsInvalid() {
    String json = edit(SampleEvents.compromiseReported(), tree -> tree.put("reportId", " "));

    assertThatThrownBy(() -> EventJson.read(json, CompromiseReported.class))
        .isInstanceOf(EventFormatException.class)
        .hasMessage("CompromiseReported: invalid field 'reportId': must not be blank");
  }

  @Test
  void rejectsASchemaVersionItDoesNotUnderstand() {
    String json = edit(SampleEvents.compromiseReported(), tree -> tree.put("schemaVersion", 2));

    assertThatThrownBy(() -> EventJson.read(json, CompromiseReported.class))
        .isInstanceOf(EventFormatException.class)
        .hasMessage(
            "CompromiseReported: invalid field 'schemaVersion': unsupported version 2, this reader"
                + " understands 1");
  }

  @Test
  void rejectsAnUnknownScopeTypeInsideAList() {
    String json =
        edit(
            SampleEvents.notificationRequested(),
            tree -> ((ObjectNode) tree.get("scopeCounts").get(1)).put("scopeType", "country"));

    assertThatThrownBy(() -> EventJson.read(json, NotificationRequested.class))
        .isInstanceOf(EventFormatException.class)
        .hasMessage(
            "NotificationRequested: invalid field 'scopeCounts[1].scopeType': must be one of"
                + " group, domain, tag but was 'country'");
  }

  @Test
  void rejectsNullElementsInALists() {
    String json =
        edit(SampleEvents.compromiseReported(), tree -> tree.withArray("accounts").addNull());

    assertThatThrownBy(() -> EventJson.read(json, CompromiseReported.class))
        .isInstanceOf(EventFormatException.class)
        .hasMessage("CompromiseReported: invalid field 'accounts': must not contain null elements");
  }

  private static String edit(CordonEvent event, Consumer<ObjectNode> change) {
    try {
      ObjectNode tree = (ObjectNode) TREES.readTree(EventJson.write(event));
      change.accept(tree);
      return TREES.writeValueAsString(tree);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
