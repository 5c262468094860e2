package io.cordon.playbook.rest;

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
class PlaybookServiceApiConformanceTest extends ApiConformanceTests {

  @Override
  protected String protectedReadPath() {
    return "/api/v1/playbooks";
  }

  @Override
  protected String writePath() {
    return "/api/v1/playbooks";
  }

  @Override
  protected String writeRole() {
    return TestJwt.ADMIN;
  }

  @Override
  protected String roleWithoutWriteAccess() {
    return TestJwt.RESPONDER;
  }

  @Override
  protected String invalidWriteBody() {
    return "{\"description\": \"no name\", \"steps\": [{\"id\": \"revoke\", \"action\":"
        + " \"REVOKE_SESSIONS\"}]}";
  }

  @Override
  protected String invalidField() {
    return "name";
  }
}
