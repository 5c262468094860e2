package io.cordon.graphsim.service;

import io.cordon.graphsim.model.SeedFile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Function;

/**
 * The live directory of the tenant the running work is for ({@link SimTenants#current()}); each
 * tenant serialises every read and change of its own directory (one lock, short holds).
 */
@ApplicationScoped
public class TenantState {
  @Inject SimTenants tenants;

  public <T> T apply(Function<Directory, T> work) {
    return tenants.current().apply(work);
  }

  public SeedFile seed() {
    return tenants.current().seed();
  }

  public String tenantId() {
    return tenants.current().id();
  }

  public String domain() {
    return tenants.current().domain();
  }

  public int userCount() {
    return tenants.current().userCount();
  }
}
