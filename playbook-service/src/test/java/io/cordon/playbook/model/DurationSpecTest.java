package io.cordon.playbook.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationSpecTest {

  @Test
  void shortFormsAndIsoMeanWhatTheySay() {
    assertThat(DurationSpec.parse("1500ms").value()).isEqualTo(Duration.ofMillis(1500));
    assertThat(DurationSpec.parse("30s").value()).isEqualTo(Duration.ofSeconds(30));
    assertThat(DurationSpec.parse("30m").value()).isEqualTo(Duration.ofMinutes(30));
    assertThat(DurationSpec.parse("2h").value()).isEqualTo(Duration.ofHours(2));
    assertThat(DurationSpec.parse("7d").value()).isEqualTo(Duration.ofDays(7));
    assertThat(DurationSpec.parse("PT1H30M").value()).isEqualTo(Duration.ofMinutes(90));
    assertThat(DurationSpec.parse("P1D").value()).isEqualTo(Duration.ofDays(1));
  }

  @Test
  void keepsTheTextAsWritten() {
    assertThat(DurationSpec.parse("PT30M").text()).isEqualTo("PT30M");
    assertThat(DurationSpec.parse("30m").text()).isEqualTo("30m");
  }

  @Test
  void refusesWhatDoesNotFit() {
    assertThat(DurationSpec.tryParse("99999999999999999999d")).isEmpty();
    assertThat(DurationSpec.tryParse("30 m")).isEmpty();
    assertThat(DurationSpec.tryParse(null)).isEmpty();
    assertThatThrownBy(() -> DurationSpec.parse("soon"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("soon");
  }
}
