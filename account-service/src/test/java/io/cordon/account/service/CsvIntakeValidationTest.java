package io.cordon.account.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    IntakeValidation.Outcome outcome =
        IntakeValidation.validate(parsed.entries(), parsed.rejections());

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
    IntakeValidation.Outcome outcome =
        IntakeValidation.validate(parsed.entries(), parsed.rejections());

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
    IntakeValidation.Outcome outcome =
        IntakeValidation.validate(parsed.entries(), parsed.rejections());

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
}
