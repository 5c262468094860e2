package io.cordon.notification.service;

/** What kind of network an IP address belongs to, as far as webhook targets are concerned. */
public enum AddressClass {
  PUBLIC("a public address"),
  UNSPECIFIED("an unspecified ('this host') address"),
  LOOPBACK("a loopback address"),
  PRIVATE("a private-network address"),
  SHARED("a carrier-grade NAT (shared) address"),
  LINK_LOCAL("a link-local address"),
  UNIQUE_LOCAL("a unique-local IPv6 address"),
  SITE_LOCAL("a site-local IPv6 address"),
  MULTICAST("a multicast address"),
  RESERVED("a reserved or documentation address");

  private final String description;

  AddressClass(String description) {
    this.description = description;
  }

  public boolean isPublic() {
    return this == PUBLIC;
  }

  public String description() {
    return description;
  }
}
