package io.cordon.account.config;

import java.util.Optional;

/**
 * How the app proves itself to a tenant's Entra token endpoint: a client secret, a certificate, or
 * a workload identity's federated token (a file the platform rotates, e.g. the Kubernetes service
 * account token Azure Workload Identity projects). No {@code toString} shows a secret.
 */
public sealed interface AppCredential {
  /** What the tenants API and logs may say about it. */
  String kind();

  record ClientSecret(String secret) implements AppCredential {
    @Override
    public String kind() {
      return "client-secret";
    }

    @Override
    public String toString() {
      return "ClientSecret[***]";
    }
  }

  /** PEM file holding the certificate and its private key. */
  record Certificate(String pemPath) implements AppCredential {
    @Override
    public String kind() {
      return "certificate";
    }
  }

  /**
   * A federated token file, exchanged as a client assertion ("Workload identity federation",
   * learn.microsoft.com/entra/workload-id/workload-identity-federation); read again at each token
   * request, since the platform replaces it before it expires.
   */
  record FederatedToken(String tokenFile) implements AppCredential {
    @Override
    public String kind() {
      return "workload-identity";
    }
  }

  /**
   * The one of the given settings that counts: a certificate before a federated token before a
   * secret, as a key is the stronger proof; empty when none is set.
   */
  static Optional<AppCredential> first(
      Optional<String> certificatePath,
      Optional<String> federatedTokenFile,
      Optional<String> secret) {
    return certificatePath
        .<AppCredential>map(Certificate::new)
        .or(() -> federatedTokenFile.map(FederatedToken::new))
        .or(() -> secret.map(ClientSecret::new));
  }
}
