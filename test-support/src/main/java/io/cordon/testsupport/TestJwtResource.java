package io.cordon.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Makes the app trust exactly the tokens {@link TestJwt} signs with its test key. */
public class TestJwtResource implements QuarkusTestResourceLifecycleManager {

  @Override
  public Map<String, String> start() {
    return Map.of(
        "mp.jwt.verify.publickey.location", TestJwt.PUBLIC_KEY_LOCATION,
        // When an app configures no key at build time, Quarkus's dev-services step puts an
        // in-memory key in mp.jwt.verify.publickey, which beats any location; only overriding
        // that very key makes the test key win (smallrye-jwt then warns SRJWT03007, harmlessly).
        "mp.jwt.verify.publickey", PemKeys.read(TestJwt.PUBLIC_KEY_LOCATION),
        "mp.jwt.verify.issuer", TestJwt.ISSUER,
        "mp.jwt.verify.audiences", TestJwt.AUDIENCE);
  }

  @Override
  public void stop() {
    // nothing runs
  }
}
