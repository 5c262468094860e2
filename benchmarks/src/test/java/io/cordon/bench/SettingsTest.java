package io.cordon.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsTest {
  @Test
  void serviceJvmOptionsAreCollectedInOrder() {
    Settings settings =
        Settings.parse(
            new String[] {"--quick", "--service-jvm=-Xmn48m", "--service-jvm=-XX:+UseSerialGC"});

    assertThat(settings.serviceJvm()).containsExactly("-Xmn48m", "-XX:+UseSerialGC");
    assertThat(settings.sizes()).containsExactly(200);
  }

  @Test
  void noServiceJvmOptionsByDefault() {
    assertThat(Settings.parse(new String[0]).serviceJvm()).isEmpty();
    assertThat(Settings.parse(new String[0]).sizes()).isEqualTo(List.of(200, 2_000));
  }

  @Test
  void aServiceJvmValueThatIsNoOptionIsRefused() {
    assertThatThrownBy(() -> Settings.parse(new String[] {"--service-jvm=Xmn48m"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--service-jvm=Xmn48m");
  }
}
