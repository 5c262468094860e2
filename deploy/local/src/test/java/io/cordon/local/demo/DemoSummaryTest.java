package io.cordon.local.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class DemoSummaryTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aPartnersLineTellsItsExposureAndItsIndicators() throws Exception {
    var notice =
        JSON.readTree(
            """
            {"data": {"sequence": 2, "tlp": "TLP:AMBER",
              "exposure": {"accounts": 37, "privileged": 2, "status": "CONTAINED"},
              "stix": {"objects": [{"type": "identity"}, {"type": "indicator"},
                                   {"type": "indicator"}, {"type": "sighting"}]}}}""");

    assertThat(DemoSummary.exposure(notice))
        .isEqualTo(
            "TLP:AMBER: 37 account(s) in scope, 2 privileged, CONTAINED; STIX: 2 indicator(s)");
  }

  @Test
  void aNoticeWithoutExposureOrBundleSaysSo() throws Exception {
    var notice = JSON.readTree("{\"data\": {\"sequence\": 1, \"tlp\": \"TLP:GREEN\"}}");

    assertThat(DemoSummary.exposure(notice))
        .isEqualTo(
            "TLP:GREEN: 0 account(s) in scope, 0 privileged, status unknown; STIX: 0 indicator(s)");
  }
}
