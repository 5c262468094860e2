package io.cordon.account.service.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.account.model.EntryRejection;
import io.cordon.commons.problem.ProblemException;
import io.cordon.contracts.IndicatorType;
import io.cordon.contracts.events.Indicator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonIndicatorEntriesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ParsedEntries read(String accounts) throws Exception {
    List<JsonNode> nodes = new ArrayList<>();
    JSON.readTree(accounts).forEach(nodes::add);
    return JsonAccountEntries.read(nodes);
  }

  @Test
  void entriesCarryTheirIndicatorsAndFirstSeen() throws Exception {
    ParsedEntries parsed =
        read(
            "[\"plain@jaxa.example\", {\"upn\":\"taro@jaxa.example\","
                + "\"firstSeenAt\":\"2026-12-01T09:00:00+09:00\",\"indicators\":["
                + "{\"value\":\" 203.0.113.7 \",\"observedAt\":\"2026-12-01T00:05:00Z\"},"
                + "{\"type\":\"user_agent\",\"value\":\"python-requests/2.31\"},"
                + "{\"type\":\"TEXT\",\"value\":\"evil.example\"}]}]");

    assertThat(parsed.rejections()).isEmpty();
    assertThat(parsed.entries().get(0).indicators()).isEmpty();
    RawEntry taro = parsed.entries().get(1);
    assertThat(taro.firstSeenAt()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    assertThat(taro.indicators())
        .containsExactly(
            new Indicator(
                IndicatorType.IPV4, "203.0.113.7", Instant.parse("2026-12-01T00:05:00Z"), "manual"),
            new Indicator(IndicatorType.USER_AGENT, "python-requests/2.31", null, "manual"),
            new Indicator(IndicatorType.TEXT, "evil.example", null, "manual"));
  }

  @Test
  void anUnknownTypeIsABadRequestNamingTheField() {
    assertThatThrownBy(
            () ->
                read(
                    "[{\"upn\":\"taro@jaxa.example\",\"indicators\":[{\"value\":\"x\"},"
                        + "{\"type\":\"HOSTNAME\",\"value\":\"x\"}]}]"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.getMessage()).startsWith("accounts[0].indicators[1].type: "));
    assertThatThrownBy(
            () -> read("[{\"upn\":\"taro@jaxa.example\",\"firstSeenAt\":\"last tuesday\"}]"))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> assertThat(e.getMessage()).startsWith("accounts[0].firstSeenAt: "));
  }

  @Test
  void aValueThatCannotBeKeptRefusesOnlyItsEntry() throws Exception {
    ParsedEntries parsed =
        read(
            "[{\"upn\":\"taro@jaxa.example\",\"indicators\":[{\"value\":\"a\\nb\"}]},"
                + "{\"upn\":\"hanako@jaxa.example\",\"indicators\":"
                + "[{\"type\":\"IPV4\",\"value\":\"999.1.1.1\"}]},"
                + "{\"upn\":\"kenji@jaxa.example\",\"indicators\":[{\"value\":\"1.2.3.4\"}]}]");

    assertThat(parsed.entries()).extracting(RawEntry::value).containsExactly("kenji@jaxa.example");
    assertThat(parsed.rejections())
        .extracting(EntryRejection::input, EntryRejection::reason)
        .containsExactly(
            tuple(
                "accounts[0]: taro@jaxa.example",
                "indicators[0].value must not contain control characters (line breaks, tabs)"),
            tuple("accounts[1]: hanako@jaxa.example", "indicators[0].value is not a valid IPV4"));
  }
}
