package io.cordon.account.service.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Cleanup messages name what they removed and kept, within the ledger's 1000 characters. */
class CleanupMessagesTest {

  @Test
  void namesAtMostFiveAndCutsLongOnes() {
    List<String> labels =
        IntStream.range(0, 8).mapToObj(i -> "inbox rule \"" + "x".repeat(300) + i + "\"").toList();

    String names = CleanupExecutor.names(labels);

    assertThat(names).endsWith(" and 3 more");
    assertThat(names.split(", "))
        .hasSize(5)
        .allMatch(n -> n.length() <= CleanupExecutor.MAX_NAME + " and 3 more".length());
  }

  @Test
  void aMessageNeverOutgrowsTheLedgerColumn() {
    assertThat(CleanupExecutor.bounded("y".repeat(5000))).hasSize(CleanupExecutor.MAX_MESSAGE);
    assertThat(CleanupExecutor.bounded("removed 2")).isEqualTo("removed 2");
  }
}
