package io.cordon.account.service.detection;

import static io.cordon.account.service.detection.DetectionFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.commons.problem.ProblemException;
import io.cordon.commons.problem.ProblemType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DetectionParserTest {
  private final DetectionParser parser = new DetectionParser();

  @ParameterizedTest
  @CsvSource({
    "graph-alert.json, GraphAlertShape",
    "graph-alerts-list.json, GraphAlertShape",
    "graph-incident.json, GraphIncidentShape",
    "graph-incidents-list.json, GraphIncidentShape",
    "sentinel-incident.json, SentinelIncidentShape",
    "sentinel-incidents-list.json, SentinelIncidentShape",
    "defender-streaming.json, DefenderStreamingShape",
    "risk-detection.json, RiskDetectionShape",
    "risk-detections-list.json, RiskDetectionShape"
  })
  void everySampleIsRecognisedByExactlyOneShape(String fixture, String shapeClass) {
    JsonNode payload = json(fixture);

    assertThat(parser.identify(payload).getClass().getSimpleName()).isEqualTo(shapeClass);
    assertThat(parser.shapes().stream().filter(s -> s.matches(payload))).hasSize(1);
    assertThat(parser.parse(payload).entries()).isNotEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"incident\": {\"id\": \"INC-1\"}, \"accounts\": [\"a@jaxa.example\"]}",
        "[{\"userPrincipalName\": \"a@jaxa.example\"}]",
        "\"a@jaxa.example\"",
        "{\"records\": [{\"category\": \"SignInLogs\", \"properties\": {}}]}",
        // the legacy Graph security alert (v1) is not alerts_v2
        "{\"@odata.type\": \"#microsoft.graph.alert\", \"id\": \"x\","
            + " \"userStates\": [{\"userPrincipalName\": \"a@jaxa.example\"}]}",
        // one item of a batch is not of the shape of the others
        "{\"value\": [{\"@odata.type\": \"#microsoft.graph.security.alert\", \"evidence\": []},"
            + " {\"riskEventType\": \"generic\", \"userId\": \"u\"}]}"
      })
  void unknownPayloadIs422NamingTheAcceptedShapes(String body) {
    assertThatThrownBy(() -> parser.parse(DetectionFixtures.parse(body)))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.type()).isEqualTo(ProblemType.UNPROCESSABLE);
              assertThat(e.getMessage())
                  .startsWith("Unrecognised detection payload. Accepted shapes: ")
                  .contains("Microsoft Graph security alert (alerts_v2")
                  .contains("Microsoft Graph security incident")
                  .contains("Microsoft Sentinel incident webhook payload")
                  .contains("Microsoft Defender XDR streaming API batch {records:[")
                  .contains("Microsoft Entra ID Protection riskDetection");
            });
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // an alert whose evidence holds no user
        "{\"@odata.type\": \"#microsoft.graph.security.alert\", \"id\": \"a\", \"evidence\": ["
            + "{\"@odata.type\": \"#microsoft.graph.security.ipEvidence\", \"ipAddress\": \"1.2.3.4\"}]}",
        // a Sentinel incident whose only account is on-premises
        "{\"objectSchemaType\": \"Incident\", \"object\": {\"name\": \"i\", \"properties\": {"
            + "\"relatedEntities\": [{\"kind\": \"Account\", \"properties\": {\"accountName\": \"svc\","
            + " \"ntDomain\": \"JAXA\"}}]}}}",
        // a streaming batch without AlertEvidence User rows
        "{\"records\": [{\"category\": \"AdvancedHunting-DeviceEvents\", \"properties\": {}}]}"
      })
  void recognisedPayloadWithoutAccountsIs422SayingSo(String body) {
    assertThatThrownBy(() -> parser.parse(DetectionFixtures.parse(body)))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.type()).isEqualTo(ProblemType.UNPROCESSABLE);
              assertThat(e.getMessage()).contains("no user accounts were found");
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"value\": []}"})
  void emptyValueListIs422(String body) {
    assertThatThrownBy(() -> parser.identify(DetectionFixtures.parse(body)))
        .isInstanceOfSatisfying(
            ProblemException.class,
            e -> {
              assertThat(e.type()).isEqualTo(ProblemType.UNPROCESSABLE);
              assertThat(e.getMessage()).contains("value array is empty");
            });
  }
}
