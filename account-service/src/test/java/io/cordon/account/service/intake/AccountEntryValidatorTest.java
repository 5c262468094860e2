package io.cordon.account.service.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.account.model.AccountIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AccountEntryValidatorTest {

  @Test
  void upnIsTrimmedAndCaseFolded() {
    AccountEntryValidator.Result result =
        AccountEntryValidator.parse("  Taro.Yamada@JAXA.example ", null);

    assertThat(result.isAccepted()).isTrue();
    assertThat(result.identifier().kind()).isEqualTo(AccountIdentifier.Kind.UPN);
    assertThat(result.identifier().value()).isEqualTo("taro.yamada@jaxa.example");
  }

  @Test
  void guidIsAnObjectId() {
    AccountEntryValidator.Result result =
        AccountEntryValidator.parse("6F1C2D3E-4A5B-4C6D-8E9F-0A1B2C3D4E5F", "contoso.example");

    assertThat(result.identifier().kind()).isEqualTo(AccountIdentifier.Kind.OBJECT_ID);
    assertThat(result.identifier().value()).isEqualTo("6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f");
    assertThat(result.identifier().tenant()).isEqualTo("contoso.example");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "''|empty account",
        "no-at-sign|exactly one '@'",
        "a@b@c.example|exactly one '@'",
        "user name@jaxa.example|whitespace",
        "tаro@jaxa.example|non-ASCII",
        "taro@jaxa|not a valid domain name",
        "=1+2@x.example|user part",
        "@SUM(A1)@x.example|exactly one '@'",
        ".taro@jaxa.example|user part",
        "taro\u0000@jaxa.example|control"
      })
  void invalidEntriesAreRefusedWithAReason(String input, String reasonPart) {
    AccountEntryValidator.Result result = AccountEntryValidator.parse(input, null);

    assertThat(result.isAccepted()).isFalse();
    assertThat(result.refusal()).contains(reasonPart);
  }

  @ParameterizedTest
  @ValueSource(strings = {"not a tenant", "-bad-.example", "ten ant.example"})
  void invalidTenantIsRefused(String tenant) {
    AccountEntryValidator.Result result = AccountEntryValidator.parse("taro@jaxa.example", tenant);

    assertThat(result.refusal()).contains("tenant");
  }

  @Test
  void overlongUpnIsRefused() {
    String upn = "a".repeat(60) + "@" + "b".repeat(60) + ".example";

    assertThat(AccountEntryValidator.parse(upn, null).refusal()).contains("longer than 113");
  }
}
