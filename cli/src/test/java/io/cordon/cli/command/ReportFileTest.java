package io.cordon.cli.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFileTest {
  @TempDir Path temporary;
  private final ObjectMapper json = new ObjectMapper();

  @Test
  void aSpreadsheetCsvBecomesAReportBody() throws Exception {
    // semicolons, a byte order mark, a quoted note holding the delimiter, a tenant on one line
    Path csv =
        Files.writeString(
            temporary.resolve("export.csv"),
            "\uFEFFNotes;Account;Tenant\r\n"
                + "\"VPN; twice\";taro@jaxa.example;\r\n"
                + "x;6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f;jaxa.example\r\n"
                + "empty;;\r\n");

    var body = ReportFile.read(csv).jsonBody("INC-7", "VPN intrusion", null, "revoke-only");

    assertThat(body)
        .isEqualTo(
            json.readTree(
                "{\"accounts\":[\"taro@jaxa.example\",{\"objectId\":"
                    + "\"6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f\",\"tenantId\":\"jaxa.example\"}],"
                    + "\"incident\":{\"id\":\"INC-7\",\"title\":\"VPN intrusion\"},"
                    + "\"playbook\":\"revoke-only\"}"));
  }

  @Test
  void theDelimiterIsTheHeadersMostFrequent() {
    assertThat(ReportFile.delimiter("account,tenant\n")).isEqualTo(',');
    assertThat(ReportFile.delimiter("account;tenant;notes\n")).isEqualTo(';');
    assertThat(ReportFile.delimiter("account\ttenant\n")).isEqualTo('\t');
  }

  @Test
  void aCsvWithoutAnAccountColumnIsRefused() throws Exception {
    Path csv = Files.writeString(temporary.resolve("users.csv"), "user\ntaro@jaxa.example\n");

    assertThatThrownBy(() -> ReportFile.read(csv).jsonBody("I", null, null, null))
        .hasMessage("the CSV has no 'account' column");
  }

  @Test
  void theKindIsTakenFromTheNameElseFromTheContent() throws Exception {
    assertThat(ReportFile.read(Files.writeString(temporary.resolve("a.json"), "{}")).kind())
        .isEqualTo(ReportFile.Kind.JSON);
    assertThat(
            ReportFile.read(Files.writeString(temporary.resolve("list"), " {\"accounts\":[]}"))
                .kind())
        .isEqualTo(ReportFile.Kind.JSON);
    assertThat(ReportFile.read(Files.writeString(temporary.resolve("list2"), "account\n")).kind())
        .isEqualTo(ReportFile.Kind.CSV);
  }
}
