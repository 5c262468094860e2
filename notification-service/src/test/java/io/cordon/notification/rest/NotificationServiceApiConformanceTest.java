package io.cordon.notification.rest;

import io.cordon.testsupport.ApiConformanceTests;
import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.TestJwt;
import io.cordon.testsupport.TestJwtResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TestJwtResource.class)
class NotificationServiceApiConformanceTest extends ApiConformanceTests {

  @Override
  protected String protectedReadPath() {
    return "/api/v1/partners";
  }

  @Override
  protected String writePath() {
    return "/api/v1/partners";
  }

  @Override
  protected String writeRole() {
    return TestJwt.ADMIN;
  }

  @Override
  protected String roleWithoutWriteAccess() {
    return TestJwt.VIEWER;
  }

  @Override
  protected String invalidWriteBody() {
    return "{\"name\": \"Toyota\", \"contacts\": [\"soc@toyota.example\", \"not an e-mail\"]}";
  }

  @Override
  protected String invalidField() {
    return "contacts[1]";
  }
}
