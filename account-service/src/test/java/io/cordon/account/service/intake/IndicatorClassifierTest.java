package io.cordon.account.service.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.contracts.IndicatorType;
import io.cordon.contracts.events.Indicator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IndicatorClassifierTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "203.0.113.7 | IPV4",
        "0.0.0.0 | IPV4",
        "255.255.255.255 | IPV4",
        "999.1.1.1 | TEXT",
        "256.1.1.1 | TEXT",
        "1.2.3 | TEXT",
        "1.2.3.4.5 | TEXT",
        "010.1.1.1 | TEXT",
        "2001:db8::7 | IPV6",
        "2001:0db8:0000:0000:0000:ff00:0042:8329 | IPV6",
        "::1 | IPV6",
        ":: | IPV6",
        "::ffff:192.0.2.1 | IPV6",
        "64:ff9b::203.0.113.7 | IPV6",
        "FE80::1 | IPV6",
        "fe80::1%eth0 | TEXT",
        "2001:db8::7::1 | TEXT",
        "1:2:3:4:5:6:7:8:9 | TEXT",
        "1:2:3:4:5:6:7 | TEXT",
        "2001:db8::g | TEXT",
        "::ffff:999.0.2.1 | TEXT",
        "12345::1 | TEXT",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 | SHA256",
        "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855 | SHA256",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85 | TEXT",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b8555 | TEXT",
        "https://login.micros0ft.example/common/oauth2 | URL",
        "HTTP://203.0.113.7:8080/x?y=1 | URL",
        "http:// | TEXT",
        "https:///path | TEXT",
        "ftp://files.example/x | TEXT",
        "https://bad host.example/ | TEXT",
        "micros0ft-login.example | DOMAIN",
        "a.b.example. | DOMAIN",
        "xn--bcher-kva.example | DOMAIN",
        "bücher.example | DOMAIN",
        "localhost | TEXT",
        "-bad.example | TEXT",
        "bad-.example | TEXT",
        "under_score.example | TEXT",
        "host.123 | TEXT",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) | TEXT",
        "phishing mail from the help desk | TEXT",
      })
  void classifiesFromTheTextAlone(String value, IndicatorType expected) {
    assertThat(IndicatorClassifier.classify(value)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"203.0.113.7", "Mozilla/5.0", "x"})
  void keepsOrdinaryValues(String value) {
    assertThat(IndicatorClassifier.refusal(value)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"a\nb", "a\rb", "a\tb", "a\u0000b", " "})
  void refusesControlCharactersAndBlanks(String value) {
    assertThat(IndicatorClassifier.refusal(value)).isNotNull();
  }

  @org.junit.jupiter.api.Test
  void refusesValuesLongerThanTheContractAllows() {
    assertThat(IndicatorClassifier.refusal("a".repeat(Indicator.MAX_VALUE_LENGTH))).isNull();
    assertThat(IndicatorClassifier.refusal("a".repeat(Indicator.MAX_VALUE_LENGTH + 1)))
        .contains(String.valueOf(Indicator.MAX_VALUE_LENGTH));
  }

  @org.junit.jupiter.api.Test
  void aGivenTypeMustFitWhenItIsOneThatCanBeChecked() {
    assertThat(IndicatorClassifier.fits(IndicatorType.IPV4, "203.0.113.7")).isTrue();
    assertThat(IndicatorClassifier.fits(IndicatorType.IPV4, "2001:db8::7")).isFalse();
    assertThat(IndicatorClassifier.fits(IndicatorType.DOMAIN, "not a domain")).isFalse();
    assertThat(IndicatorClassifier.fits(IndicatorType.USER_AGENT, "anything at all")).isTrue();
    // a domain may also be named as TEXT by someone who knows better
    assertThat(IndicatorClassifier.fits(IndicatorType.TEXT, "example.com")).isTrue();
  }
}
