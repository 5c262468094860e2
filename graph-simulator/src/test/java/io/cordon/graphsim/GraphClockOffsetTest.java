package io.cordon.graphsim;

import static io.cordon.graphsim.SimTestClient.graph;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A simulated Graph whose clock runs ahead stamps effects and Date headers in that clock. */
@QuarkusTest
@TestProfile(GraphClockOffsetTest.ClockAhead.class)
class GraphClockOffsetTest {

  public static class ClockAhead implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("sim.clock-offset", "PT90S");
    }
  }

  @Test
  void effectsAndDateHeadersFollowGraphsClockNotTheMachines() {
    SimTestClient.reset();
    String user = StateChangesTest.MEMBER;
    Instant ahead = Instant.now().plus(Duration.ofSeconds(90));

    var revoke = graph().post("/users/" + user + "/revokeSignInSessions").then().statusCode(200);
    String validFrom =
        graph()
            .queryParam("$select", "id,signInSessionsValidFromDateTime")
            .get("/users/" + user)
            .then()
            .statusCode(200)
            .extract()
            .path("signInSessionsValidFromDateTime");

    Instant date =
        ZonedDateTime.parse(revoke.extract().header("Date"), DateTimeFormatter.RFC_1123_DATE_TIME)
            .toInstant();
    assertThat(date).isCloseTo(ahead, within(10, ChronoUnit.SECONDS));
    assertThat(Instant.parse(validFrom)).isCloseTo(ahead, within(10, ChronoUnit.SECONDS));
  }
}
