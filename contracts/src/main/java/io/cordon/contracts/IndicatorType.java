package io.cordon.contracts;

/**
 * What an indicator of compromise names; each maps onto a STIX 2.1 cyber-observable (or, for the
 * last ones, onto a property of one) when partners receive it.
 */
public enum IndicatorType {
  /** An IPv4 address the attacker used (STIX {@code ipv4-addr}). */
  IPV4,
  /** An IPv6 address the attacker used (STIX {@code ipv6-addr}). */
  IPV6,
  /** A domain name (STIX {@code domain-name}). */
  DOMAIN,
  /** A URL (STIX {@code url}). */
  URL,
  /** A file's SHA-256 (STIX {@code file} with {@code hashes.SHA-256}). */
  SHA256,
  /** An HTTP user agent (STIX {@code user-agent} extension of {@code network-traffic}). */
  USER_AGENT,
  /** Where a sign-in came from: city, state and country as Entra reports them. */
  LOCATION,
  /** An Entra ID Protection risk event type, e.g. {@code unfamiliarFeatures}. */
  RISK_EVENT_TYPE,
  /** Free text a responder gave that fits none of the above. */
  TEXT
}
