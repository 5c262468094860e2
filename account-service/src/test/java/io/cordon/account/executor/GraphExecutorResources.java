package io.cordon.account.executor;

import io.cordon.testsupport.EmbeddedKafkaResource;
import io.cordon.testsupport.EmbeddedPostgresResource;
import io.cordon.testsupport.TestJwtResource;
import io.cordon.testsupport.WireMockGraphResource;
import io.quarkus.test.common.QuarkusTestResource;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** PostgreSQL, Kafka, JWT keys and WireMock as Graph: what every executor test runs against. */
@QuarkusTestResource(EmbeddedPostgresResource.class)
@QuarkusTestResource(EmbeddedKafkaResource.class)
@QuarkusTestResource(TestJwtResource.class)
@QuarkusTestResource(WireMockGraphResource.class)
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface GraphExecutorResources {}
