package io.cordon.graphsim.service;

import io.cordon.graphsim.model.SeedFile;
import java.util.List;
import java.util.function.Function;

/**
 * One simulated Entra tenant: its directory (one lock, short holds), the app registration it knows
 * (client id and secret), the permissions its tokens carry, its throttling windows and its faults.
 * Nothing is shared with another tenant, as in Entra.
 */
public final class SimTenant {
  private final String name;
  private final SeedFile seed;
  private final String defaultId;
  private final String defaultDomain;
  private final List<String> extraDomains;
  private final String clientId;
  private final String clientSecret;
  private Directory directory;
  private volatile TenantThrottle throttle;
  private volatile FaultSettings faults;
  private volatile List<String> roles;
  private volatile List<String> directoryRoles;

  /** {@code id} and {@code domain} apply unless the seed names the tenant's own. */
  public SimTenant(
      String name,
      SeedFile seed,
      String id,
      String domain,
      List<String> extraDomains,
      String clientId,
      String clientSecret) {
    this.name = name;
    this.seed = seed;
    this.defaultId = id;
    this.defaultDomain = domain;
    this.extraDomains = List.copyOf(extraDomains);
    this.clientId = clientId;
    this.clientSecret = clientSecret;
    this.directory = new Directory(seed, id, domain);
  }

  public String name() {
    return name;
  }

  /** The directory (tenant) id, as in a token's {@code tid}. */
  public synchronized String id() {
    return directory.tenantId;
  }

  public synchronized String domain() {
    return directory.domain;
  }

  /** Every verified domain: the primary one first. */
  public List<String> domains() {
    List<String> all = new java.util.ArrayList<>();
    all.add(domain());
    extraDomains.stream().filter(d -> !d.equalsIgnoreCase(domain())).forEach(all::add);
    return all;
  }

  public SeedFile seed() {
    return seed;
  }

  public String clientId() {
    return clientId;
  }

  public String clientSecret() {
    return clientSecret;
  }

  public synchronized <T> T apply(Function<Directory, T> work) {
    return work.apply(directory);
  }

  /** Back to the seed: every change since start (or the last reset) is forgotten. */
  public synchronized void resetDirectory() {
    directory = new Directory(seed, defaultId, defaultDomain);
  }

  public synchronized int userCount() {
    return directory.userCount();
  }

  public TenantThrottle throttle() {
    return throttle;
  }

  public void throttle(TenantThrottle next) {
    throttle = next;
  }

  public FaultSettings faults() {
    return faults;
  }

  public void faults(FaultSettings next) {
    faults = next;
  }

  public List<String> roles() {
    return roles;
  }

  public void roles(List<String> next) {
    roles = List.copyOf(next);
  }

  public List<String> directoryRoles() {
    return directoryRoles;
  }

  public void directoryRoles(List<String> next) {
    directoryRoles = List.copyOf(next);
  }

  /** True when {@code segment} names this tenant: its id or one of its verified domains. */
  public boolean isNamedBy(String segment) {
    return segment.equalsIgnoreCase(id()) || domains().stream().anyMatch(segment::equalsIgnoreCase);
  }
}
