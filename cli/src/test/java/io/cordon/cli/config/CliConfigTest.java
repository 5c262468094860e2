package io.cordon.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliConfigTest {
  @TempDir Path home;

  private CliConfig config(Map<String, String> variables, String file) throws Exception {
    if (file != null) {
      Files.createDirectories(home.resolve(".cordon"));
      Files.writeString(home.resolve(".cordon/config.properties"), file);
    }
    PrintStream nowhere = new PrintStream(new ByteArrayOutputStream());
    return CliConfig.load(new CliEnvironment(variables, home, home, nowhere, nowhere, false, null));
  }

  @Test
  void withNothingSetTheLocalStackIsUsed() throws Exception {
    assertThat(config(Map.of(), null).endpoints(Map.of())).isEqualTo(Endpoints.LOCAL_STACK);
  }

  @Test
  void aFlagBeatsTheEnvironmentWhichBeatsTheFile() throws Exception {
    Map<String, String> variables = new HashMap<>();
    variables.put("CORDON_PLAYBOOK_URL", "https://playbook.env.example");
    variables.put("CORDON_ACCOUNT_URL", "https://account.env.example/");
    CliConfig config =
        config(
            variables,
            "account-url=https://account.file.example\n"
                + "playbook-url=https://playbook.file.example\n"
                + "notification-url=https://notification.file.example\n");

    Endpoints endpoints =
        config.endpoints(Map.of(Setting.PLAYBOOK_URL, "https://playbook.flag.example"));

    assertThat(endpoints.playbook()).isEqualTo(URI.create("https://playbook.flag.example"));
    assertThat(endpoints.account()).isEqualTo(URI.create("https://account.env.example"));
    assertThat(endpoints.notification()).isEqualTo(URI.create("https://notification.file.example"));
  }

  @Test
  void cordonHomeMovesTheDirectory() throws Exception {
    Path elsewhere = home.resolve("ci-home");
    PrintStream nowhere = new PrintStream(new ByteArrayOutputStream());
    CliEnvironment environment =
        new CliEnvironment(
            Map.of("CORDON_HOME", elsewhere.toString()), home, home, nowhere, nowhere, false, null);

    assertThat(environment.home().directory()).isEqualTo(elsewhere);
  }
}
