package io.cordon.account.service.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.cordon.account.model.AccountIdentifier;
import io.cordon.account.model.EntryRejection;
import io.cordon.account.model.IntakeOutcome;
import io.cordon.commons.problem.ProblemException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvIntakeValidationTest {

  @Test
  void tenThousandLinesWithThirtySevenBadOnesGiveExactRejections() {
    StringBuilder csv = new StringBuilder("account,tenant\n");
    List<Integer> badLines = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      int lineNumber = i + 2;
      if (i % 270 == 13) {
        csv.append("bad entry ").append(i).append(",\n");
        badLines.add(lineNumber);
      } else {
        csv.append("user").append(i).append("@jaxa.example,\n");
      }
    }

    ParsedEntries parsed = CsvAccountReader.read(new StringReader(csv.toString()), 50_000);
    IntakeOutcome outcome = IntakeValidation.validate(parsed.entries(), parsed.rejections());

    assertThat(badLines).hasSize(37);
    assertThat(outcome.accepted()).hasSize(9_963);
    assertThat(outcome.rejected()).hasSize(37);
    assertThat(outcome.rejected())
        .extracting(EntryRejection::input)
        .containsExactlyElementsOf(
            badLines.stream().map(n -> "line " + n + ": bad entry " + (n - 2)).toList());
    assertThat(outcome.rejected()).allMatch(r -> r.reason().contains("whitespace"));
  }

  @Test
  void lastActivityIsReadAndARepeatKeepsTheLatest() {
    String csv =
        "account,last_activity\n"
            + "taro@jaxa.example,2026-12-06T09:00:00Z\n"
            + "TARO@jaxa.example,2026-12-06T10:00:00+01:00\n"
            + "taro@jaxa.example,\n"
            + "hanako@jaxa.example,\n"
            + "kenji@jaxa.example,yesterday\n";

    ParsedEntries parsed = CsvAccountReader.read(new StringReader(csv), 50_000);
    IntakeOutcome outcome = IntakeValidation.validate(parsed.entries(), parsed.rejections());

    assertThat(outcome.accepted())
        .extracting(AccountIdentifier::value, AccountIdentifier::activityAt)
        .containsExactly(
            org.assertj.core.api.Assertions.tuple(
                "taro@jaxa.example", java.time.Instant.parse("2026-12-06T09:00:00Z")),
            org.assertj.core.api.Assertions.tuple("hanako@jaxa.example", null));
    assertThat(outcome.rejected())
        .extracting(EntryRejection::reason)
        .singleElement()
        .asString()
        .contains("last_activity");
  }

  @Test
  void duplicatesAreFoldedAfterNormalisation() {
    String csv = "Account\nTaro@JAXA.example\n taro@jaxa.example\nhanako@jaxa.example\n";

    ParsedEntries parsed = CsvAccountReader.read(new StringReader(csv), 50_000);
    IntakeOutcome outcome = IntakeValidation.validate(parsed.entries(), parsed.rejections());

    assertThat(outcome.accepted())
        .extracting(AccountIdentifier::value)
        .containsExactly("taro@jaxa.example", "hanako@jaxa.example");
    assertThat(outcome.duplicates()).isEqualTo(1);
  }

  @Test
  void quotedFieldsAndWrongFieldCountsArePerLine() {
    String csv = "tenant,account\n\"contoso.example\",\"a@contoso.example\"\nx,y,z\n\"open,quote\n";

    ParsedEntries parsed = CsvAccountReader.read(new StringReader(csv), 50_000);

    assertThat(parsed.entries())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.value()).isEqualTo("a@contoso.example");
              assertThat(e.tenant()).isEqualTo("contoso.example");
            });
    assertThat(parsed.rejections())
        .extracting(EntryRejection::input)
        .containsExactly("line 3: x,y,z", "line 4: \"open,quote");
  }

  @Test
  void headerWithoutAccountColumnIsRefused() {
    assertThatThrownBy(() -> CsvAccountReader.read(new StringReader("user\na@b.example\n"), 10))
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("'account' column");
  }

  @Test
  void tooManyLinesIsRefusedAsAWhole() {
    String csv = "account\n" + "a@b.example\n".repeat(11);

    assertThatThrownBy(() -> CsvAccountReader.read(new StringReader(csv), 10))
        .isInstanceOf(ProblemException.class)
        .hasMessageContaining("more than 10");
  }

  @Test
  void aQuotedFieldMayHoldALineBreak() {
    String csv =
        "account,note\n"
            + "hanako@jaxa.example,\"seen on the VPN\nthen on OWA\"\n"
            + "taro@jaxa.example,plain\n";

    ParsedEntries parsed = CsvAccountReader.read(new StringReader(csv), 50_000);

    assertThat(parsed.rejections()).isEmpty();
    assertThat(parsed.entries())
        .extracting(RawEntry::input, RawEntry::value)
        .containsExactly(
            tuple("line 2", "hanako@jaxa.example"), tuple("line 4", "taro@jaxa.example"));
  }

  @Test
  void aSemicolonSeparatedSpreadsheetExportWithBomAndCrlfIsRead() {
    // what Excel writes as "CSV UTF-8" where the comma is the decimal mark (de, fr, ja set-ups)
    String csv =
        "\uFEFFAccount;Tenant;Notes\r\n"
            + "hanako@jaxa.example;jaxa.example;2024-03-11T02:14:09Z\r\n"
            + "\"taro@jaxa.example\";;\"11.03.2024; 03:10\"\r\n"
            + "broken;line\r\n";

    ParsedEntries parsed = CsvAccountReader.read(new StringReader(csv), 50_000);

    assertThat(parsed.entries())
        .extracting(RawEntry::input, RawEntry::value, RawEntry::tenant)
        .containsExactly(
            tuple("line 2", "hanako@jaxa.example", "jaxa.example"),
            tuple("line 3", "taro@jaxa.example", ""));
    assertThat(parsed.rejections())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.input()).isEqualTo("line 4: broken;line");
              assertThat(r.reason()).contains("expected 3 fields separated by ';'");
            });
  }

  @Test
  void aByteOrderMarkIsNotPartOfTheFirstColumnName() {
    ParsedEntries parsed =
        CsvAccountReader.read(new StringReader("\uFEFFaccount\nhanako@jaxa.example\n"), 10);

    assertThat(parsed.entries()).extracting(RawEntry::value).containsExactly("hanako@jaxa.example");
  }

  @Test
  void crlfLineEndsLeaveNoCarriageReturnInValues() {
    ParsedEntries parsed =
        CsvAccountReader.read(
            new StringReader("account,tenant\r\nhanako@jaxa.example,jaxa.example\r\n"), 10);

    assertThat(parsed.entries())
        .extracting(RawEntry::value, RawEntry::tenant)
        .containsExactly(tuple("hanako@jaxa.example", "jaxa.example"));
  }

  @Test
  void tabSeparatedTextIsRead() {
    ParsedEntries parsed =
        CsvAccountReader.read(
            new StringReader("tenant\taccount\njaxa.example\thanako@jaxa.example\n"), 10);

    assertThat(parsed.entries())
        .extracting(RawEntry::value, RawEntry::tenant)
        .containsExactly(tuple("hanako@jaxa.example", "jaxa.example"));
  }

  @Test
  void brokenQuotingRefusesItsLineAndReadingGoesOn() {
    String csv =
        "account,tenant\n"
            + "\"a@jaxa.example\"x,jaxa.example\n"
            + "hanako@jaxa.example,\n"
            + "\n"
            + "taro@jaxa.example,\n";

    ParsedEntries parsed = CsvAccountReader.read(new StringReader(csv), 50_000);

    assertThat(parsed.entries()).extracting(RawEntry::input).containsExactly("line 3", "line 5");
    assertThat(parsed.rejections())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.input()).isEqualTo("line 2: \"a@jaxa.example\"x,jaxa.example");
              assertThat(r.reason()).contains("check quoting");
            });
  }

  @Test
  void everyBrokenLineIsRefusedOnItsOwn() {
    StringBuilder csv = new StringBuilder("account\n");
    for (int i = 0; i < 5_000; i++) {
      csv.append("\"user").append(i).append("@jaxa.example\"x\n");
    }
    csv.append("hanako@jaxa.example\n");

    ParsedEntries parsed = CsvAccountReader.read(new StringReader(csv.toString()), 50_000);

    assertThat(parsed.rejections()).hasSize(5_000);
    assertThat(parsed.entries()).extracting(RawEntry::input).containsExactly("line 5002");
  }
}
