package io.cordon.playbook.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A rule written only in the JSON Schema is enforced and reported with its field, with no Java
 * change: the service validates with the schema itself, so the two cannot drift apart. Each test
 * edits a copy of the schema contracts ships and validates with it.
 */
class PlaybookSchemaChangeTest {
  private static final String PLAYBOOK =
      """
      name: contain
      steps:
        - id: revoke
          action: REVOKE_SESSIONS
          when: {groups: [Project H3 Team, Project H3 Team]}
        - {id: reset, action: RESET_PASSWORD}
        - {id: notify, action: NOTIFY_PARTNERS, scope: run}
      """;

  @Test
  void theShippedSchemaAcceptsThePlaybook() {
    assertThat(new PlaybookValidator().validate(Documents.yaml(PLAYBOOK))).isEmpty();
  }

  @Test
  void aFieldTheSchemaNowRequiresIsReported() {
    PlaybookValidator validator =
        changed(schema -> ((ArrayNode) schema.withArray("/required")).add("description"));

    assertThat(describe(validator)).containsExactly("description: is required");
  }

  @Test
  void aTighterBoundInTheSchemaIsReportedWithTheNewBound() {
    PlaybookValidator validator =
        changed(schema -> ((ObjectNode) schema.at("/properties/steps")).put("maxItems", 2));

    assertThat(describe(validator)).containsExactly("steps: must list at most 2 steps");
  }

  @Test
  void aKeywordJavaHasNoWordsForIsReportedInTheValidatorsWords() {
    PlaybookValidator validator =
        changed(
            schema ->
                ((ObjectNode) schema.at("/$defs/Condition/properties/groups"))
                    .put("uniqueItems", true));

    List<Violation> violations = validator.validate(Documents.yaml(PLAYBOOK));

    assertThat(violations)
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.field()).isEqualTo("steps[0].when.groups");
              assertThat(v.stepId()).isEqualTo("revoke");
              assertThat(v.reason()).containsIgnoringCase("unique");
            });
  }

  @Test
  void anActionTheSchemaNoLongerAllowsIsRefused() {
    PlaybookValidator validator =
        changed(
            schema -> {
              ArrayNode actions = (ArrayNode) schema.at("/$defs/Step/properties/action/enum");
              for (int i = actions.size() - 1; i >= 0; i--) {
                if ("RESET_PASSWORD".equals(actions.get(i).asText())) {
                  actions.remove(i);
                }
              }
            });

    assertThat(describe(validator))
        .singleElement()
        .asString()
        .startsWith("steps[1] (reset).action: unknown action RESET_PASSWORD");
  }

  private static List<String> describe(PlaybookValidator validator) {
    return validator.validate(Documents.yaml(PLAYBOOK)).stream().map(Violation::describe).toList();
  }

  private static PlaybookValidator changed(Consumer<ObjectNode> change) {
    JsonNode copy = PlaybookSchema.contract().root().deepCopy();
    change.accept((ObjectNode) copy);
    return new PlaybookValidator(new PlaybookSchema(copy));
  }
}
