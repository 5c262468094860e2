package io.cordon.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookUrlsTest {

  @ParameterizedTest
  @CsvSource({
    "https://partner.example/hook?token=s3cr3t, https://partner.example/hook?\u2026",
    "https://user:pass@partner.example:8443/hook?a=1#frag, https://partner.example:8443/hook?\u2026",
    "https://partner.example/hook, https://partner.example/hook",
    "https://partner.example, https://partner.example",
    "https://[2001:db8::1]/h?k=v, https://[2001:db8::1]/h?\u2026",
    "not a url, [redacted]"
  })
  void redactedDropsQueryCredentialsAndFragment(String url, String shown) {
    assertThat(WebhookUrls.redacted(url)).isEqualTo(shown);
  }
}
