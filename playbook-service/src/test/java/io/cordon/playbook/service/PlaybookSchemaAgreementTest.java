package io.cordon.playbook.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.cordon.commons.security.Roles;
import io.cordon.contracts.ActionType;
import io.cordon.playbook.model.ActionScopes;
import io.cordon.playbook.model.Approval;
import io.cordon.playbook.model.Backoff;
import io.cordon.playbook.model.Condition;
import io.cordon.playbook.model.DurationSpec;
import io.cordon.playbook.model.Identifiers;
import io.cordon.playbook.model.OnTimeout;
import io.cordon.playbook.model.Playbook;
import io.cordon.playbook.model.Retry;
import io.cordon.playbook.model.Step;
import io.cordon.playbook.model.StepScope;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The service validates with the JSON Schema in contracts itself; what Java still holds must agree
 * with it: the problems the service reports name exactly the fields the schema names, the rules
 * only Java checks are ones the schema cannot state, and the constants and records the model reads
 * a validated playbook into match the schema.
 */
class PlaybookSchemaAgreementTest {
  private static final String SCHEMA = "/schemas/playbook.v1.schema.json";
  private static JsonNode schemaNode;
  private static JsonSchema schema;

  @BeforeAll
  static void loadSchema() throws IOException {
    try (InputStream in = PlaybookSchemaAgreementTest.class.getResourceAsStream(SCHEMA)) {
      assertThat(in).as(SCHEMA + " on the classpath (contracts)").isNotNull();
      schemaNode = new ObjectMapper().readTree(in);
    }
    schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schemaNode);
  }

  static Stream<Arguments> valid() {
    return Stream.of(
        Arguments.of("minimal", "name: m\nsteps: [{id: a, action: REVOKE_SESSIONS}]\n"),
        Arguments.of("every field", PlaybookValidatorTest.FULL),
        Arguments.of("contain-compromised-account", BuiltInPlaybooks.shipped(NAMES.get(0))),
        Arguments.of("revoke-only", BuiltInPlaybooks.shipped(NAMES.get(1))),
        Arguments.of(
            "confirm compromised per account",
            "name: m\nsteps: [{id: a, action: CONFIRM_COMPROMISED, scope: account}]\n"),
        Arguments.of(
            "integral decimal",
            "name: m\nsteps: [{id: a, action: RESET_PASSWORD, retry: {maxAttempts: 2.0}}]\n"),
        Arguments.of(
            "numbers and booleans as parameters",
            "name: m\nsteps: [{id: a, action: RESET_PASSWORD, parameters: {n: 1, b: true, s: x}}]\n"),
        Arguments.of(
            "single tenant",
            "name: m\nsteps: [{id: a, action: RESET_PASSWORD, when: {tenant: t}}]\n"));
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("missing name and steps", "description: d\n"),
        Arguments.of("name pattern", "name: Bad_Name\nsteps: [{id: a, action: REVOKE_SESSIONS}]\n"),
        Arguments.of(
            "unknown top-level field",
            "name: m\nowner: x\nsteps: [{id: a, action: REVOKE_SESSIONS}]\n"),
        Arguments.of("empty steps", "name: m\nsteps: []\n"),
        Arguments.of("steps not a list", "name: m\nsteps: {id: a}\n"),
        Arguments.of("step not a mapping", "name: m\nsteps: [revoke]\n"),
        Arguments.of("step without action", "name: m\nsteps: [{id: a}]\n"),
        Arguments.of("step without id", "name: m\nsteps: [{action: REVOKE_SESSIONS}]\n"),
        Arguments.of("unknown action", "name: m\nsteps: [{id: a, action: REVOKE}]\n"),
        Arguments.of(
            "unknown step field",
            "name: m\nsteps: [{id: a, action: REVOKE_SESSIONS, retries: 3}]\n"),
        Arguments.of(
            "bad scope", "name: m\nsteps: [{id: a, action: REVOKE_SESSIONS, scope: tenant}]\n"),
        Arguments.of(
            "run scope, account action",
            "name: m\nsteps: [{id: a, action: RESET_PASSWORD, scope: run}]\n"),
        Arguments.of(
            "notify without scope", "name: m\nsteps: [{id: a, action: NOTIFY_PARTNERS}]\n"),
        Arguments.of(
            "notify per account",
            "name: m\nsteps: [{id: a, action: NOTIFY_PARTNERS, scope: account}]\n"),
        Arguments.of(
            "bad onTimeout",
            "name: m\nsteps: [{id: a, action: DISABLE_ACCOUNT, approval: {role: approver, timeout: 1h, onTimeout: wait}}]\n"),
        Arguments.of(
            "approval incomplete",
            "name: m\nsteps: [{id: a, action: DISABLE_ACCOUNT, approval: {role: admin}}]\n"),
        Arguments.of(
            "approval role",
            "name: m\nsteps: [{id: a, action: DISABLE_ACCOUNT, approval: {role: viewer, timeout: 1h, onTimeout: skip}}]\n"),
        Arguments.of(
            "duration syntax",
            "name: m\nsteps: [{id: a, action: REVOKE_SESSIONS, timeout: 15 minutes}]\n"),
        Arguments.of(
            "duration as number",
            "name: m\nsteps: [{id: a, action: REVOKE_SESSIONS, timeout: 15}]\n"),
        Arguments.of(
            "maxAttempts range",
            "name: m\nsteps: [{id: a, action: REVOKE_SESSIONS, retry: {maxAttempts: 11}}]\n"),
        Arguments.of(
            "maxAttempts fraction",
            "name: m\nsteps: [{id: a, action: REVOKE_SESSIONS, retry: {maxAttempts: 1.5}}]\n"),
        Arguments.of(
            "backoff incomplete",
            "name: m\nsteps: [{id: a, action: REVOKE_SESSIONS, retry: {maxAttempts: 2, backoff: {max: 1m}}}]\n"),
        Arguments.of(
            "multiplier range",
            "name: m\nsteps: [{id: a, action: REVOKE_SESSIONS, retry: {maxAttempts: 2, backoff: {initial: 1s, max: 1m, multiplier: 0.5}}}]\n"),
        Arguments.of(
            "continueOnFailure type",
            "name: m\nsteps: [{id: a, action: REVOKE_SESSIONS, continueOnFailure: maybe}]\n"),
        Arguments.of(
            "empty when", "name: m\nsteps: [{id: a, action: REVOKE_SESSIONS, when: {}}]\n"),
        Arguments.of(
            "when field unknown",
            "name: m\nsteps: [{id: a, action: REVOKE_SESSIONS, when: {department: x}}]\n"),
        Arguments.of(
            "when boolean type",
            "name: m\nsteps: [{id: a, action: REVOKE_SESSIONS, when: {guest: 'no'}}]\n"),
        Arguments.of(
            "when groups empty",
            "name: m\nsteps: [{id: a, action: REVOKE_SESSIONS, when: {groups: []}}]\n"),
        Arguments.of(
            "when tenant type",
            "name: m\nsteps: [{id: a, action: REVOKE_SESSIONS, when: {tenant: 42}}]\n"),
        Arguments.of(
            "parameter value object",
            "name: m\nsteps: [{id: a, action: REVOKE_SESSIONS, parameters: {x: {y: z}}}]\n"),
        Arguments.of(
            "parameters not a mapping",
            "name: m\nsteps: [{id: a, action: REVOKE_SESSIONS, parameters: [x]}]\n"),
        Arguments.of(
            "version zero", "name: m\nversion: 0\nsteps: [{id: a, action: REVOKE_SESSIONS}]\n"),
        Arguments.of(
            "description empty",
            "name: m\ndescription: ''\nsteps: [{id: a, action: REVOKE_SESSIONS}]\n"));
  }

  /** Rules the schema cannot state (PlaybookRules): the schema accepts these, the service not. */
  static Stream<Arguments> javaOnly() {
    return Stream.of(
        Arguments.of(
            "duplicate step ids",
            "name: m\nsteps: [{id: a, action: REVOKE_SESSIONS}, {id: a, action: RESET_PASSWORD}]\n",
            "steps[1].id"),
        Arguments.of(
            "zero timeout",
            "name: m\nsteps: [{id: a, action: REVOKE_SESSIONS, timeout: 0s}]\n",
            "steps[0].timeout"),
        Arguments.of(
            "approval timeout too short",
            "name: m\nsteps: [{id: a, action: DISABLE_ACCOUNT, approval: {role: approver, timeout: 10s, onTimeout: skip}}]\n",
            "steps[0].approval.timeout"),
        Arguments.of(
            "backoff max below initial",
            "name: m\nsteps: [{id: a, action: REVOKE_SESSIONS, retry: {maxAttempts: 2, backoff: {initial: 5m, max: 1m}}}]\n",
            "steps[0].retry.backoff.max"));
  }

  private static final List<String> NAMES = BuiltInPlaybooks.NAMES;

  @ParameterizedTest(name = "{0}")
  @MethodSource("valid")
  void bothAcceptValidPlaybooks(String name, String yaml) {
    JsonNode document = Documents.yaml(yaml);

    assertThat(schemaErrors(document)).as("schema").isEmpty();
    assertThat(new PlaybookValidator().validate(document)).as("service").isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void theServiceNamesTheFieldsTheSchemaNames(String name, String yaml) {
    JsonNode document = Documents.yaml(yaml);
    Set<String> schemaFields = schemaErrors(document);
    List<String> javaFields = Documents.fields(yaml);

    assertThat(javaFields).as("service").isNotEmpty();
    assertThat(schemaFields).as("schema").isNotEmpty();
    // the validator may name a field twice over (each branch of a oneOf); the service names it once
    assertThat(schemaFields).as("schema fields").isEqualTo(new TreeSet<>(javaFields));
    assertThat(javaFields).as("service fields").doesNotHaveDuplicates();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("javaOnly")
  void rulesTheSchemaCannotStateAreStillCaught(String name, String yaml, String field) {
    assertThat(schemaErrors(Documents.yaml(yaml))).as("schema").isEmpty();
    assertThat(Documents.fields(yaml)).as("java").containsExactly(field);
  }

  @Test
  void constantsTheModelHoldsMatchTheSchema() {
    JsonNode defs = schemaNode.path("$defs");
    assertThat(defs.path("Identifier").path("pattern").asText()).isEqualTo(Identifiers.PATTERN);
    assertThat(defs.path("Duration").path("pattern").asText()).isEqualTo(DurationSpec.PATTERN);
    assertThat(texts(defs.path("Step").path("properties").path("action").path("enum")))
        .isEqualTo(Arrays.stream(ActionType.values()).map(Enum::name).toList());
    assertThat(texts(defs.path("Step").path("properties").path("scope").path("enum")))
        .isEqualTo(Arrays.stream(StepScope.values()).map(StepScope::wire).toList());
    assertThat(texts(defs.path("Approval").path("properties").path("role").path("enum")))
        .isEqualTo(List.of(Roles.APPROVER, Roles.RESPONDER, Roles.ADMIN));
    assertThat(texts(defs.path("Approval").path("properties").path("onTimeout").path("enum")))
        .isEqualTo(Arrays.stream(OnTimeout.values()).map(OnTimeout::wire).toList());
    JsonNode runLevel =
        defs.path("Step")
            .path("allOf")
            .get(0)
            .path("if")
            .path("properties")
            .path("action")
            .path("not")
            .path("enum");
    assertThat(texts(runLevel))
        .containsExactlyInAnyOrderElementsOf(
            ActionScopes.RUN_LEVEL.stream().map(Enum::name).toList());
  }

  /** A validated playbook is read into these records, which refuse unknown fields. */
  @Test
  void everyFieldTheSchemaAllowsTheModelReads() {
    JsonNode defs = schemaNode.path("$defs");
    assertThat(names(schemaNode.path("properties")))
        .containsExactlyElementsOf(withSchemaHint(components(Playbook.class)));
    assertThat(names(defs.path("Step").path("properties")))
        .containsExactlyElementsOf(components(Step.class));
    assertThat(names(defs.path("Condition").path("properties")))
        .containsExactlyElementsOf(components(Condition.class));
    assertThat(names(defs.path("Approval").path("properties")))
        .containsExactlyElementsOf(components(Approval.class));
    assertThat(names(defs.path("Retry").path("properties")))
        .containsExactlyElementsOf(components(Retry.class));
    assertThat(names(defs.path("Backoff").path("properties")))
        .containsExactlyElementsOf(components(Backoff.class));
  }

  private static List<String> components(Class<? extends Record> type) {
    return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
  }

  /** {@code $schema} is an editor hint the model ignores. */
  private static List<String> withSchemaHint(List<String> components) {
    List<String> names = new ArrayList<>(List.of("$schema"));
    names.addAll(components);
    return names;
  }

  /** The schema's errors as the field paths the Java validator uses. */
  private static Set<String> schemaErrors(JsonNode document) {
    Set<String> fields = new TreeSet<>();
    for (ValidationMessage message : schema.validate(document)) {
      String location = message.getInstanceLocation().toString().replaceFirst("^\\$\\.?", "");
      String property = message.getProperty();
      boolean namesChild =
          property != null
              && ("required".equals(message.getType())
                  || "additionalProperties".equals(message.getType()));
      String field =
          namesChild ? (location.isEmpty() ? property : location + "." + property) : location;
      fields.add(field.isEmpty() ? "body" : field);
    }
    return fields;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
