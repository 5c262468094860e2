package io.cordon.notification.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.cordon.commons.problem.Problem;
import io.cordon.commons.problem.ProblemException;
import io.cordon.commons.problem.ProblemType;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class WebhookTargetPolicyTest {
  private final List<String> lookedUp = new ArrayList<>();

  /** Answers from a table instead of DNS; unknown names fail like NXDOMAIN. */
  private HostResolver table(Map<String, List<String>> answers) {
    return host -> {
      lookedUp.add(host);
      List<String> literals = answers.get(host);
      if (literals == null) {
        throw new UnknownHostException(host);
      }
      InetAddress[] addresses = new InetAddress[literals.size()];
      for (int i = 0; i < addresses.length; i++) {
        addresses[i] = InetAddress.getByName(literals.get(i));
      }
      return addresses;
    };
  }

  @Test
  void publicHostIsAccepted() {
    WebhookTargetPolicy policy =
        new WebhookTargetPolicy(
            false, table(Map.of("hooks.toyota.example", List.of("8.8.8.8", "2001:4860::1"))));

    assertThatCode(() -> policy.check("https://hooks.toyota.example/cordon"))
        .doesNotThrowAnyException();
    assertThat(lookedUp).containsExactly("hooks.toyota.example");
  }

  @Test
  void oneNonPublicAddressAmongPublicOnesIsRefused() {
    WebhookTargetPolicy policy =
        new WebhookTargetPolicy(
            false, table(Map.of("mixed.example", List.of("8.8.8.8", "10.0.0.7"))));

    Problem problem = refusal(() -> policy.check("https://mixed.example/hook"));

    assertThat(problem.type()).isEqualTo(ProblemType.UNPROCESSABLE.uri());
    assertThat(problem.status()).isEqualTo(422);
    assertThat(problem.errors()).hasSize(1);
    assertThat(problem.errors().get(0).field()).isEqualTo("webhook.url");
    assertThat(problem.errors().get(0).reason()).contains("10.0.0.7", "private");
  }

  @Test
  void unresolvableHostIsA422NamingTheUrl() {
    WebhookTargetPolicy policy = new WebhookTargetPolicy(false, table(Map.of()));

    Problem problem = refusal(() -> policy.check("https://no-such-host.toyota.example/hook"));

    assertThat(problem.status()).isEqualTo(422);
    assertThat(problem.errors().get(0).field()).isEqualTo("webhook.url");
    assertThat(problem.errors().get(0).reason()).contains("does not resolve");
  }

  @Test
  void ipv6LiteralIsResolvedWithoutBrackets() {
    WebhookTargetPolicy policy = new WebhookTargetPolicy(false, new SystemHostResolver());

    Problem problem = refusal(() -> policy.check("https://[fe80::1]:8443/hook"));

    assertThat(problem.errors().get(0).reason()).contains("link-local");
  }

  @Test
  void loopbackLiteralsAndLocalhostAreRefusedByTheRealResolver() {
    WebhookTargetPolicy policy = new WebhookTargetPolicy(false, new SystemHostResolver());

    for (String url :
        List.of("https://127.0.0.1/hook", "https://[::1]/hook", "https://localhost:9443/hook")) {
      assertThat(refusal(() -> policy.check(url)).errors().get(0).reason())
          .as(url)
          .contains("loopback");
    }
  }

  @Test
  void shapeProblemsAre400() {
    WebhookTargetPolicy policy = new WebhookTargetPolicy(true, table(Map.of()));

    for (String url :
        List.of(
            "http://8.8.8.8/hook", "ftp://8.8.8.8/", "https:///nohost", "https://u:p@8.8.8.8/")) {
      Problem problem = refusal(() -> policy.check(url));
      assertThat(problem.type()).as(url).isEqualTo(ProblemType.VALIDATION_FAILED.uri());
      assertThat(problem.errors().get(0).field()).isEqualTo("webhook.url");
    }
  }

  @Test
  void withTheFlagPrivateTargetsPassAndNothingIsLookedUp() {
    WebhookTargetPolicy policy = new WebhookTargetPolicy(true, table(Map.of()));

    assertThatCode(() -> policy.check("https://10.0.0.7/hook")).doesNotThrowAnyException();
    assertThatCode(() -> policy.check("https://partner-stub.local/hook"))
        .doesNotThrowAnyException();
    assertThat(lookedUp).isEmpty();
  }

  @Test
  void deliveryResolvesAgainAndRefusesAHostThatTurnedPrivate() throws Exception {
    Map<String, List<String>> dns = new java.util.HashMap<>();
    dns.put("hooks.toyota.example", List.of("8.8.8.8"));
    WebhookTargetPolicy policy = new WebhookTargetPolicy(false, table(dns));
    policy.check("https://hooks.toyota.example/cordon");

    // the partner's DNS now answers with an internal address (DNS rebinding)
    dns.put("hooks.toyota.example", List.of("8.8.8.8", "169.254.169.254"));

    assertThat(catchThrowable(() -> policy.deliveryAddresses("https://hooks.toyota.example/c")))
        .isInstanceOf(BlockedTargetException.class)
        .hasMessageContaining("169.254.169.254")
        .hasMessageContaining("link-local");
    assertThat(lookedUp).containsExactly("hooks.toyota.example", "hooks.toyota.example");
  }

  @Test
  void deliveryAddressesAreWhatTheHostResolvesToInOrder() throws Exception {
    WebhookTargetPolicy strict =
        new WebhookTargetPolicy(
            false, table(Map.of("hooks.nasa.example", List.of("8.8.4.4", "2001:4860::1"))));
    WebhookTargetPolicy local =
        new WebhookTargetPolicy(true, table(Map.of("localhost", List.of("127.0.0.1", "::1"))));

    assertThat(strict.deliveryAddresses("https://hooks.nasa.example/x"))
        .extracting(InetAddress::getHostAddress)
        .containsExactly("8.8.4.4", "2001:4860:0:0:0:0:0:1");
    assertThat(local.deliveryAddresses("https://localhost:8443/x"))
        .extracting(InetAddress::getHostAddress)
        .containsExactly("127.0.0.1", "0:0:0:0:0:0:0:1");
    assertThat(catchThrowable(() -> strict.deliveryAddresses("https://gone.nasa.example/x")))
        .isInstanceOf(UnknownHostException.class);
  }

  private static Problem refusal(ThrowingCallable check) {
    Throwable thrown = catchThrowable(check);
    assertThat(thrown).isInstanceOf(ProblemException.class);
    return ((ProblemException) thrown).toProblem();
  }
}
