package io.cordon.account.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Entra tenants of this deployment, from {@code cordon.graph.tenants.<name>.*}; without any,
 * the single-tenant keys ({@code cordon.graph.tenant-id} ...) are the one default tenant named
 * {@value #LEGACY_NAME}. Mistakes that would route an account to the wrong tenant stop start-up.
 */
@ApplicationScoped
public class TenantRegistry {
  public static final String LEGACY_NAME = "default";
  private static final Pattern NAME = Pattern.compile("[a-z0-9-]{1,64}");

  private final List<GraphTenant> tenants;
  private final Map<String, GraphTenant> byName = new LinkedHashMap<>();
  private final Map<String, GraphTenant> byTenantId = new LinkedHashMap<>();
  private final Optional<GraphTenant> defaultTenant;

  @Inject
  public TenantRegistry(GraphConfig config) {
    this.tenants = config.tenants().isEmpty() ? List.of(legacy(config)) : named(config);
    for (GraphTenant tenant : tenants) {
      byName.put(tenant.name(), tenant);
      GraphTenant clash = byTenantId.put(key(tenant.tenantId()), tenant);
      if (clash != null) {
        throw new IllegalStateException(
            "cordon.graph.tenants."
                + clash.name()
                + " and ."
                + tenant.name()
                + " name the same tenant-id "
                + tenant.tenantId());
      }
    }
    List<GraphTenant> defaults = tenants.stream().filter(GraphTenant::isDefault).toList();
    if (defaults.size() > 1) {
      throw new IllegalStateException(
          "More than one tenant is cordon.graph.tenants.<name>.default=true: "
              + defaults.stream().map(GraphTenant::name).toList());
    }
    this.defaultTenant = defaults.stream().findFirst();
  }

  public List<GraphTenant> all() {
    return tenants;
  }

  public Optional<GraphTenant> byName(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The tenant with this directory id (case-insensitive: Entra's ids are GUIDs). */
  public Optional<GraphTenant> byTenantId(String tenantId) {
    return tenantId == null ? Optional.empty() : Optional.ofNullable(byTenantId.get(key(tenantId)));
  }

  public Optional<GraphTenant> defaultTenant() {
    return defaultTenant;
  }

  /**
   * The tenant for work that names no tenant (readiness, protected accounts, a row from before
   * several tenants): the default, else the first configured.
   */
  public GraphTenant primary() {
    return defaultTenant.orElse(tenants.get(0));
  }

  /** The tenant of a stored tenant id; the primary one for rows that carry none. */
  public GraphTenant forTenantId(String tenantId) {
    return byTenantId(tenantId).orElseGet(this::primary);
  }

  public boolean several() {
    return tenants.size() > 1;
  }

  private static GraphTenant legacy(GraphConfig config) {
    return new GraphTenant(
        LEGACY_NAME,
        config.tenantId(),
        config.clientId(),
        // missing only matters once a token is asked for (dev mode without Graph)
        AppCredential.first(
            config.certificatePath(), config.federatedTokenFile(), config.clientSecret()),
        GraphCloud.GLOBAL,
        config.baseUrl(),
        config.authorityHost(),
        config.scope(),
        config.tenantSize(),
        List.of(),
        true);
  }

  private static List<GraphTenant> named(GraphConfig config) {
    List<GraphTenant> named = new ArrayList<>();
    boolean single = config.tenants().size() == 1;
    config.tenants().entrySet().stream()
        .sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
        .forEach(entry -> named.add(named(entry.getKey(), entry.getValue(), config, single)));
    return List.copyOf(named);
  }

  private static GraphTenant named(
      String name, GraphConfig.Tenant tenant, GraphConfig config, boolean single) {
    if (!NAME.matcher(name).matches()) {
      throw new IllegalStateException(
          "cordon.graph.tenants."
              + name
              + ": a tenant's name is 1 to 64 lower-case letters, digits and '-'");
    }
    if (tenant.tenantId().length() > 64) {
      throw new IllegalStateException(
          "cordon.graph.tenants." + name + ".tenant-id: at most 64 characters (a GUID)");
    }
    // the tenant's own credential wins over the shared ones; a tenant with its own app
    // registration never gets the shared app's credential, which proves another app
    Optional<AppCredential> shared =
        tenant.clientId().isPresent()
            ? Optional.empty()
            : AppCredential.first(
                config.certificatePath(), config.federatedTokenFile(), config.clientSecret());
    AppCredential credential =
        AppCredential.first(
                tenant.certificatePath(), tenant.federatedTokenFile(), tenant.clientSecret())
            .or(() -> shared)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "Set cordon.graph.tenants."
                            + name
                            + ".client-secret, .certificate-path or .federated-token-file (or, for"
                            + " tenants sharing cordon.graph.client-id, the same under"
                            + " cordon.graph.)"));
    GraphCloud cloud = tenant.cloud();
    return new GraphTenant(
        name,
        tenant.tenantId(),
        tenant.clientId().orElse(config.clientId()),
        Optional.of(credential),
        cloud,
        tenant.baseUrl().orElse(cloud.baseUrl()),
        tenant.authorityHost().orElse(cloud.authorityHost()),
        cloud.scope(),
        tenant.tenantSize().orElse(config.tenantSize()),
        tenant.domains().orElse(List.of()).stream()
            .map(domain -> domain.strip().toLowerCase(Locale.ROOT))
            .toList(),
        tenant.isDefault() || single);
  }

  private static String key(String tenantId) {
    return tenantId.toLowerCase(Locale.ROOT);
  }
}
