package io.cordon.account.rest;

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
class AccountServiceApiConformanceTest extends ApiConformanceTests {

  @Override
  protected String protectedReadPath() {
    return "/api/v1/compromise-reports/6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f";
  }

  @Override
  protected String writePath() {
    return "/api/v1/compromise-reports";
  }

  @Override
  protected String writeRole() {
    return TestJwt.RESPONDER;
  }

  @Override
  protected String roleWithoutWriteAccess() {
    return TestJwt.VIEWER;
  }

  @Override
  protected String invalidWriteBody() {
    return "{\"incident\": {\"title\": \"no id\"}, \"accounts\": [\"a@jaxa.example\"]}";
  }

  @Override
  protected String invalidField() {
    return "incident.id";
  }
}
