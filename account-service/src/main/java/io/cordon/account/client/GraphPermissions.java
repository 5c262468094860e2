package io.cordon.account.client;

import com.azure.core.credential.TokenRequestContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

/** The application permissions Entra granted, read from the {@code roles} claim of the token. */
@ApplicationScoped
public class GraphPermissions {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject GraphClients clients;

  public Set<String> granted() {
    String token =
        clients
            .credential()
            .getTokenSync(new TokenRequestContext().addScopes(clients.scope()))
            .getToken();
    return rolesOf(token);
  }

  static Set<String> rolesOf(String jwt) {
    String[] parts = jwt.split("\\.");
    if (parts.length < 2) {
      return Set.of();
    }
    try {
      JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
      Set<String> roles = new HashSet<>();
      claims.path("roles").forEach(role -> roles.add(role.asText()));
      return roles;
    } catch (IOException | IllegalArgumentException e) {
      return Set.of();
    }
  }
}
