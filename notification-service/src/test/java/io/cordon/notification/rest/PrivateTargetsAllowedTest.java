package io.cordon.notification.rest;

import static io.cordon.notification.rest.Partners.body;
import static io.cordon.notification.rest.Partners.create;
import static io.cordon.notification.rest.Partners.newSecret;
import static io.cordon.notification.rest.Partners.uniqueName;
import static io.cordon.notification.rest.Partners.webhookOf;
import static org.hamcrest.Matchers.equalTo;

import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.TestJwtResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@TestProfile(AllowPrivateTargetsProfile.class)
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TestJwtResource.class)
class PrivateTargetsAllowedTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://127.0.0.1:8443/hook",
        "https://localhost/hook",
        "https://[::1]/hook",
        "https://10.20.30.40/hook",
        "https://192.168.1.1/hook"
      })
  void privateTargetsAreAcceptedWithTheFlag(String url) {
    Map<String, Object> body = body(uniqueName("Local"), newSecret());
    webhookOf(body).put("url", url);

    create(body).then().statusCode(201).body("webhook.url", equalTo(url));
  }

  @Test
  void httpsIsStillRequired() {
    Map<String, Object> body = body(uniqueName("Plain http"), newSecret());
    webhookOf(body).put("url", "http://127.0.0.1:8080/hook");

    create(body)
        .then()
        .statusCode(400)
        .body("type", equalTo("urn:cordon:problem:validation-failed"))
        .body("errors[0].field", equalTo("webhook.url"));
  }
}
