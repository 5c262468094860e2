package io.cordon.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The keys production must set are derived from each service's own configuration sources. */
class RequiredConfigTest {

  @Test
  void everyServiceNeedsItsDatabaseKafkaAndTokenVerification() {
    for (String service : Repository.SERVICES) {
      assertThat(RequiredConfig.of(Repository.root().resolve(service)))
          .as(service)
          .contains(
              "quarkus.datasource.jdbc.url",
              "quarkus.datasource.username",
              "quarkus.datasource.password",
              "kafka.bootstrap.servers",
              "mp.jwt.verify.publickey.location",
              "mp.jwt.verify.issuer",
              "mp.jwt.verify.audiences");
    }
  }

  @Test
  void serviceSpecificKeysAreFound() {
    assertThat(RequiredConfig.of(Repository.root().resolve("account-service")))
        .contains("cordon.graph.tenant-id", "cordon.graph.client-id", "cordon.graph.client-secret")
        .doesNotContain("cordon.graph.base-url", "cordon.graph.trust-store");
    assertThat(RequiredConfig.of(Repository.root().resolve("notification-service")))
        .contains(
            "cordon.notification.secret-encryption-key",
            "quarkus.mailer.host",
            "quarkus.mailer.from");
  }

  @Test
  void productionOnlyOptionalsStillExistInTheMappings() {
    // if one is renamed, the deployment would keep setting a key nobody reads
    assertThat(
            RequiredConfig.productionOptionalsDeclared(
                Repository.root().resolve("account-service")))
        .containsExactly("cordon.graph.client-secret");
    assertThat(
            RequiredConfig.productionOptionalsDeclared(
                Repository.root().resolve("notification-service")))
        .containsExactly("cordon.notification.secret-encryption-key");
    assertThat(
            RequiredConfig.productionOptionalsDeclared(
                Repository.root().resolve("service-commons")))
        .containsExactly("cordon.audit.anchor.key");
    assertThat(RequiredConfig.of(Repository.root().resolve("playbook-service")))
        .contains("cordon.audit.anchor.key");
  }

  @Test
  void configMappingMembersExpandGroupsAndHonourDefaultsAndNames() {
    String source =
        """
        @ConfigMapping(prefix = "x.y")
        public interface Sample {
          @WithDefault("https://example.com/v1") // a URL is not a comment
          String baseUrl();

          Optional<String> clientSecret();

          @WithName("default")
          String defaultName();

          Nested nested();

          interface Nested {
            @WithDefault("3")
            int writesPer150s();

            Duration timeout();
          }
        }
        """;

    Map<String, RequiredConfig.Member> members = RequiredConfig.mappingMembers(source);

    assertThat(members.keySet())
        .containsExactly(
            "x.y.base-url",
            "x.y.client-secret",
            "x.y.default",
            "x.y.nested.writes-per150s",
            "x.y.nested.timeout");
    assertThat(members.get("x.y.base-url").defaultValue()).contains("https://example.com/v1");
    assertThat(members.get("x.y.nested.timeout").defaultValue()).isEmpty();
    assertThat(RequiredConfig.envName("mp.jwt.verify.publickey.location"))
        .isEqualTo("MP_JWT_VERIFY_PUBLICKEY_LOCATION");
  }

  @Test
  void developerDefaultsInPropertiesAreRequiredInProduction() {
    assertThat(
            RequiredConfig.fromProperties(
                """
                a.url=jdbc:postgresql://localhost:5432/x
                a.username=cordon
                a.timeout=5s
                %test.b.host=localhost
                # c.host=localhost
                d.id=not-configured
                """))
        .containsExactly("a.url", "a.username", "d.id");
  }
}
