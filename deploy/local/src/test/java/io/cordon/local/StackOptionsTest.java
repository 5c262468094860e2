package io.cordon.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class StackOptionsTest {
  private static final Path REPOSITORY = Path.of("/repo");

  @Test
  void portsNamedOnTheCommandLineReplaceOnlyThoseDefaults() {
    StackOptions options =
        StackOptions.parse(REPOSITORY, new String[] {"--ports=account:18081,postgres:25432"});

    assertThat(options.ports())
        .isEqualTo(new StackOptions.Ports(18081, 8082, 8083, 8090, 9092, 25432, 8095));
  }

  @Test
  void aWorkDirectoryReplacesCordonLocal() {
    StackOptions options =
        StackOptions.parse(REPOSITORY, new String[] {"--work-dir=/tmp/second/../stack", "--demo"});

    assertThat(options.workDirectory()).isEqualTo(Path.of("/tmp/stack"));
    assertThat(options.logs()).isEqualTo(Path.of("/tmp/stack/logs"));
    assertThat(options.demo()).isTrue();
  }

  @Test
  void anUnknownPortNameOrABadPortIsRefusedWithTheKnownNames() {
    assertThatThrownBy(() -> StackOptions.parse(REPOSITORY, new String[] {"--ports=web:80"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("account")
        .hasMessageContaining("web:80");
    assertThatThrownBy(() -> StackOptions.parse(REPOSITORY, new String[] {"--ports=kafka:99999"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("99999");
  }
}
