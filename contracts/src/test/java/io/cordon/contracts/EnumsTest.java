package io.cordon.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.contracts.json.EventJson;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EnumsTest {

  @ParameterizedTest
  @CsvSource({
    "clear, CLEAR",
    "GREEN, GREEN",
    "amber, AMBER",
    "amber+strict, AMBER_STRICT",
    "AMBER+STRICT, AMBER_STRICT",
    "amber-strict, AMBER_STRICT",
    "AMBER_STRICT, AMBER_STRICT",
    "TLP:AMBER+STRICT, AMBER_STRICT",
    "tlp:red, RED",
    "white, CLEAR"
  })
  void readsTlpAsPeopleWriteIt(String input, Tlp expected) {
    assertThat(EventJson.read("\"" + input + "\"", Tlp.class)).isEqualTo(expected);
  }

  @Test
  void writesTlpAsItsNameAndLabelsItTheTlp20Way() {
    assertThat(EventJson.write(Tlp.AMBER_STRICT)).isEqualTo("\"AMBER_STRICT\"");
    assertThat(Tlp.AMBER_STRICT.label()).isEqualTo("TLP:AMBER+STRICT");
    assertThat(Tlp.CLEAR.label()).isEqualTo("TLP:CLEAR");
  }

  @Test
  void refusesAnUnknownTlpNamingTheChoices() {
    assertThatThrownBy(() -> Tlp.parse("purple"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tlp must be one of clear, green, amber, amber+strict, red but was 'purple'");
  }

  @ParameterizedTest
  @CsvSource({"summary, SUMMARY", "Accounts, ACCOUNTS", "SUMMARY, SUMMARY"})
  void readsDisclosureInAnyCase(String input, Disclosure expected) {
    assertThat(EventJson.read("\"" + input + "\"", Disclosure.class)).isEqualTo(expected);
  }

  @Test
  void writesDisclosureAsItsNameAndRefusesUnknownOnes() {
    assertThat(EventJson.write(Disclosure.ACCOUNTS)).isEqualTo("\"ACCOUNTS\"");
    assertThatThrownBy(() -> Disclosure.parse("everything"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("summary, accounts");
  }

  @Test
  void knowsWhichRunStatesAreFinal() {
    assertThat(Arrays.stream(RunState.values()).filter(RunState::isFinal))
        .containsExactly(
            RunState.SUCCEEDED, RunState.PARTIALLY_SUCCEEDED, RunState.FAILED, RunState.CANCELLED);
  }

  @Test
  void knowsWhichActionStatesAreFinal() {
    assertThat(Arrays.stream(ActionState.values()).filter(ActionState::isFinal))
        .containsExactly(
            ActionState.SUCCEEDED,
            ActionState.SKIPPED,
            ActionState.REQUIRES_MANUAL,
            ActionState.FAILED);
  }

  @Test
  void mapsEveryOutcomeToAFinalActionState() {
    assertThat(ActionOutcome.FAILED_PERMANENT.toActionState()).isEqualTo(ActionState.FAILED);
    assertThat(ActionOutcome.SKIPPED.toActionState()).isEqualTo(ActionState.SKIPPED);
    assertThat(Arrays.stream(ActionOutcome.values()).map(ActionOutcome::toActionState))
        .allMatch(ActionState::isFinal);
  }

  @Test
  void describesEveryReasonCodeDistinctly() {
    assertThat(Arrays.stream(ReasonCode.values()).map(ReasonCode::description))
        .allMatch(description -> !description.isBlank())
        .doesNotHaveDuplicates();
    assertThat(ReasonCode.ON_PREMISES_SYNCED.description()).containsIgnoringCase("on-premises");
  }
}
