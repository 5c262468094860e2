package io.cordon.notification.service;

import io.cordon.commons.problem.Problem;
import io.cordon.commons.problem.ProblemException;
import io.cordon.commons.problem.ProblemType;
import io.cordon.notification.config.NotificationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Partner webhooks must be https and must not point into private networks (DESIGN §4): every
 * address the host resolves to has to be public unless {@code
 * cordon.notification.allow-private-targets} is set.
 */
@ApplicationScoped
public class WebhookTargetPolicy {
  static final String FIELD = "webhook.url";

  private final boolean allowPrivateTargets;
  private final HostResolver resolver;

  @Inject
  public WebhookTargetPolicy(NotificationConfig config, HostResolver resolver) {
    this(config.allowPrivateTargets(), resolver);
  }

  public WebhookTargetPolicy(boolean allowPrivateTargets, HostResolver resolver) {
    this.allowPrivateTargets = allowPrivateTargets;
    this.resolver = resolver;
  }

  /** Refuses a malformed URL with 400 and a host that is unresolvable or not public with 422. */
  public void check(String url) {
    WebhookUrls.problem(url)
        .ifPresent(
            reason -> {
              throw ProblemException.invalidField(FIELD, reason);
            });
    if (allowPrivateTargets) {
      return;
    }
    String host = WebhookUrls.host(url);
    for (InetAddress address : resolve(host)) {
      AddressClass addressClass = AddressClassifier.classify(address);
      if (!addressClass.isPublic()) {
        throw unprocessable(
            "host "
                + host
                + " resolves to "
                + address.getHostAddress()
                + ", "
                + addressClass.description()
                + "; partner webhooks must target public addresses");
      }
    }
  }

  /**
   * The addresses a notice may be sent to, resolved right before connecting: the sender connects to
   * exactly these, so a host that resolved to a public address at registration and to an internal
   * one now (DNS rebinding) is refused instead of reached. Every address must be public unless
   * private targets are allowed.
   *
   * @throws UnknownHostException when the host does not resolve (worth retrying later)
   * @throws BlockedTargetException when an address is not one webhooks may target
   */
  public List<InetAddress> deliveryAddresses(String url) throws UnknownHostException {
    String host = WebhookUrls.host(url);
    InetAddress[] addresses = resolver.resolve(host);
    if (addresses == null || addresses.length == 0) {
      throw new UnknownHostException(host);
    }
    if (!allowPrivateTargets) {
      for (InetAddress address : addresses) {
        AddressClass addressClass = AddressClassifier.classify(address);
        if (!addressClass.isPublic()) {
          throw new BlockedTargetException(
              "host "
                  + host
                  + " now resolves to "
                  + address.getHostAddress()
                  + ", "
                  + addressClass.description()
                  + "; nothing was sent");
        }
      }
    }
    return List.of(addresses);
  }

  private InetAddress[] resolve(String host) {
    try {
      InetAddress[] addresses = resolver.resolve(host);
      if (addresses == null || addresses.length == 0) {
        throw new UnknownHostException(host);
      }
      return addresses;
    } catch (UnknownHostException e) {
      throw unprocessable("host " + host + " does not resolve to any address");
    }
  }

  private static ProblemException unprocessable(String reason) {
    return new ProblemException(
        ProblemType.UNPROCESSABLE,
        FIELD + ": " + reason,
        List.of(new Problem.FieldError(FIELD, reason)));
  }
}
