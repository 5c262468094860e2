package io.cordon.account.service.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cordon.account.model.AccountIdentifier;
import io.cordon.account.model.EntryRejection;
import io.cordon.account.model.IntakeOutcome;
import io.cordon.contracts.IndicatorType;
import io.cordon.contracts.events.Indicator;
import java.io.StringReader;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CsvIndicatorTest {

  private static IntakeOutcome read(String csv) {
    ParsedEntries parsed = CsvAccountReader.read(new StringReader(csv), 50_000);
    return IntakeValidation.validate(parsed.entries(), parsed.rejections());
  }

  @Test
  void indicatorAndFirstSeenAreReadAndClassified() {
    IntakeOutcome outcome =
        read(
            "account,first_seen,indicator\n"
                + "taro@jaxa.example,2026-12-01T08:00:00+09:00,203.0.113.7\n"
                + "hanako@jaxa.example,,\"https://login.micros0ft.example/x | 2001:db8::7\"\n"
                + "kenji@jaxa.example,,\n");

    assertThat(outcome.rejected()).isEmpty();
    assertThat(outcome.accepted())
        .extracting(AccountIdentifier::value, AccountIdentifier::firstSeenAt)
        .containsExactly(
            tuple("taro@jaxa.example", Instant.parse("2026-11-30T23:00:00Z")),
            tuple("hanako@jaxa.example", null),
            tuple("kenji@jaxa.example", null));
    assertThat(outcome.accepted().get(0).indicators())
        .containsExactly(new Indicator(IndicatorType.IPV4, "203.0.113.7", null, "csv"));
    assertThat(outcome.accepted().get(1).indicators())
        .extracting(Indicator::type, Indicator::value)
        .containsExactly(
            tuple(IndicatorType.URL, "https://login.micros0ft.example/x"),
            tuple(IndicatorType.IPV6, "2001:db8::7"));
    assertThat(outcome.accepted().get(2).indicators()).isEmpty();
  }

  @Test
  void aRepeatedAccountGathersItsIndicatorsAndKeepsTheEarliestFirstSeen() {
    IntakeOutcome outcome =
        read(
            "account;indicator;first_seen\n"
                + "taro@jaxa.example;203.0.113.7;2026-12-02T00:00:00Z\n"
                + "TARO@jaxa.example;evil.example;2026-12-01T00:00:00Z\n"
                + "taro@jaxa.example;203.0.113.7;\n");

    assertThat(outcome.duplicates()).isEqualTo(2);
    assertThat(outcome.accepted())
        .singleElement()
        .satisfies(
            taro -> {
              assertThat(taro.firstSeenAt()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
              assertThat(taro.indicators())
                  .extracting(Indicator::type, Indicator::value)
                  .containsExactly(
                      tuple(IndicatorType.IPV4, "203.0.113.7"),
                      tuple(IndicatorType.DOMAIN, "evil.example"));
            });
  }

  @Test
  void badIndicatorsAndFirstSeenRefuseOnlyTheirLine() {
    String tooLong = "x".repeat(Indicator.MAX_VALUE_LENGTH + 1);
    IntakeOutcome outcome =
        read(
            "account,indicator,first_seen\n"
                + "taro@jaxa.example,\"203.0.113.7\nsecond line\",\n"
                + "hanako@jaxa.example,\"tab\there\",\n"
                + "kenji@jaxa.example,"
                + tooLong
                + ",\n"
                + "yuki@jaxa.example,203.0.113.8,last tuesday\n"
                + "ok@jaxa.example,203.0.113.9,2026-12-01T00:00:00Z\n");

    assertThat(outcome.accepted())
        .extracting(AccountIdentifier::value)
        .containsExactly("ok@jaxa.example");
    assertThat(outcome.rejected())
        .extracting(r -> r.input().substring(0, r.input().indexOf(':')), EntryRejection::reason)
        .containsExactly(
            tuple("line 2", "indicator must not contain control characters (line breaks, tabs)"),
            tuple("line 4", "indicator must not contain control characters (line breaks, tabs)"),
            tuple(
                "line 5",
                "indicator must be at most " + Indicator.MAX_VALUE_LENGTH + " characters"),
            tuple(
                "line 6",
                "first_seen must be an ISO-8601 time with offset, e.g. 2026-12-06T09:15:00Z"));
  }
}
