package io.cordon.cli.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TableTest {
  @Test
  void padsEveryColumnToItsWidestCellAndShowsMissingValuesAsDash() {
    Table table = new Table("ID", "STATE").row("run-1", "RUNNING").row("r2", null);

    assertThat(table.lines()).containsExactly("ID     STATE", "run-1  RUNNING", "r2     -");
  }

  @Test
  void aServersTextCannotMoveTheCursorOrBreakTheLine() {
    Table table = new Table("INPUT").row("evil\u001b[2J\nnext");

    assertThat(table.lines().get(1)).isEqualTo("evil [2J next").doesNotContain("\u001b");
  }

  @Test
  void longCellsAreCutUnlessTheTableKeepsThemWhole() {
    String longText = "x".repeat(80);

    assertThat(new Table("A").row(longText).lines().get(1)).hasSize(60).endsWith("…");
    assertThat(new Table("A").untruncated().row(longText).lines().get(1)).isEqualTo(longText);
  }

  @Test
  void aRowMustFitTheColumns() {
    assertThatThrownBy(() -> new Table("A", "B").row("only one"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
