package io.cordon.notification.service;

import io.cordon.notification.config.NotificationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The retry schedule of {@code cordon.notification.delivery.*}, shared by all delivery code. */
@ApplicationScoped
public class RetryPolicyProducer {

  @Produces
  @Singleton
  RetryPolicy retryPolicy(NotificationConfig config) {
    return RetryPolicy.of(config.delivery());
  }
}
