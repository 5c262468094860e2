package io.cordon.playbook.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.playbook.model.DocumentFormat;
import org.junit.jupiter.api.Test;

class PlaybookParserTest {

  @Test
  void readsYamlAndJsonIntoTheSameTree() throws Exception {
    assertThat(
            PlaybookParser.parse(
                "name: a\nsteps: [{id: b, action: REVOKE_SESSIONS}]\n", DocumentFormat.YAML))
        .isEqualTo(
            PlaybookParser.parse(
                "{\"name\":\"a\",\"steps\":[{\"id\":\"b\",\"action\":\"REVOKE_SESSIONS\"}]}",
                DocumentFormat.JSON));
  }

  @Test
  void syntaxErrorsSayWhere() {
    assertThatThrownBy(
            () -> PlaybookParser.parse("name: a\nsteps:\n  - id: [b\n", DocumentFormat.YAML))
        .isInstanceOf(DocumentSyntaxException.class)
        .hasMessageStartingWith("not valid YAML: line ");
    assertThatThrownBy(() -> PlaybookParser.parse("{\"name\": ", DocumentFormat.JSON))
        .isInstanceOf(DocumentSyntaxException.class)
        .hasMessageStartingWith("not valid JSON: line 1, column ");
  }

  @Test
  void duplicateKeysAreRefused() {
    assertThatThrownBy(
            () -> PlaybookParser.parse("name: a\nname: b\nsteps: []\n", DocumentFormat.YAML))
        .isInstanceOf(DocumentSyntaxException.class)
        .hasMessageContaining("name");
    assertThatThrownBy(
            () -> PlaybookParser.parse("{\"name\": \"a\", \"name\": \"b\"}", DocumentFormat.JSON))
        .isInstanceOf(DocumentSyntaxException.class)
        .hasMessageContaining("Duplicate field 'name'");
  }

  @Test
  void onlyOneMappingIsAPlaybook() {
    assertThatThrownBy(() -> PlaybookParser.parse("name: a\n---\nname: b\n", DocumentFormat.YAML))
        .isInstanceOf(DocumentSyntaxException.class);
    assertThatThrownBy(() -> PlaybookParser.parse("[1, 2, 3]", DocumentFormat.JSON))
        .isInstanceOf(DocumentSyntaxException.class)
        .hasMessage("a playbook must be a mapping (object) with name and steps, not array");
    assertThatThrownBy(() -> PlaybookParser.parse("  \n", DocumentFormat.YAML))
        .isInstanceOf(DocumentSyntaxException.class)
        .hasMessageContaining("empty");
    assertThatThrownBy(() -> PlaybookParser.parse("# only a comment\n", DocumentFormat.YAML))
        .isInstanceOf(DocumentSyntaxException.class)
        .hasMessage("the body holds no playbook");
  }

  @Test
  void yamlAliasesAreRefusedNotReadAsText() {
    assertThatThrownBy(
            () ->
                PlaybookParser.parse(
                    "x: &retry {maxAttempts: 3}\nsteps:\n  - retry: *retry\n", DocumentFormat.YAML))
        .isInstanceOf(DocumentSyntaxException.class)
        .hasMessage(
            "not valid YAML: line 3, column 12: aliases (*retry) are not supported; write the"
                + " value out");
  }

  @Test
  void aliasBombsAreRefused() {
    StringBuilder yaml = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      char previous = (char) (c - 1);
      yaml.append(c)
          .append(": &")
          .append(c)
          .append(" [")
          .append(("*" + previous + ", ").repeat(8))
          .append('*')
          .append(previous)
          .append("]\n");
    }
    assertThatThrownBy(() -> PlaybookParser.parse(yaml.toString(), DocumentFormat.YAML))
        .isInstanceOf(DocumentSyntaxException.class)
        .hasMessageContaining("aliases");
  }
}
