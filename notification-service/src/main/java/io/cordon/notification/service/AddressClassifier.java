package io.cordon.notification.service;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * Classifies IPv4 and IPv6 addresses (IANA special-purpose registries). IPv6 forms that embed an
 * IPv4 address (mapped, compatible, NAT64 64:ff9b::/96, 6to4 2002::/16) are judged by that address,
 * so {@code ::ffff:127.0.0.1} is loopback.
 */
public final class AddressClassifier {

  private static final List<Range> IPV4 =
      List.of(
          range("0.0.0.0/8", AddressClass.UNSPECIFIED),
          range("10.0.0.0/8", AddressClass.PRIVATE),
          range("100.64.0.0/10", AddressClass.SHARED),
          range("127.0.0.0/8", AddressClass.LOOPBACK),
          range("169.254.0.0/16", AddressClass.LINK_LOCAL),
          range("172.16.0.0/12", AddressClass.PRIVATE),
          range("192.0.0.0/24", AddressClass.RESERVED),
          range("192.0.2.0/24", AddressClass.RESERVED),
          range("192.168.0.0/16", AddressClass.PRIVATE),
          range("198.18.0.0/15", AddressClass.RESERVED),
          range("198.51.100.0/24", AddressClass.RESERVED),
          range("203.0.113.0/24", AddressClass.RESERVED),
          range("224.0.0.0/4", AddressClass.MULTICAST),
          range("240.0.0.0/4", AddressClass.RESERVED));

  private static final List<Range> IPV6 =
      List.of(
          range("::/128", AddressClass.UNSPECIFIED),
          range("::1/128", AddressClass.LOOPBACK),
          range("64:ff9b:1::/48", AddressClass.PRIVATE),
          range("100::/64", AddressClass.RESERVED),
          range("2001:db8::/32", AddressClass.RESERVED),
          range("fc00::/7", AddressClass.UNIQUE_LOCAL),
          range("fe80::/10", AddressClass.LINK_LOCAL),
          range("fec0::/10", AddressClass.SITE_LOCAL),
          range("ff00::/8", AddressClass.MULTICAST));

  private static final Range IPV4_MAPPED = range("::ffff:0:0/96", null);
  private static final Range IPV4_COMPATIBLE = range("::/96", null);
  private static final Range NAT64 = range("64:ff9b::/96", null);
  private static final Range SIX_TO_FOUR = range("2002::/16", null);

  private AddressClassifier() {}

  public static AddressClass classify(InetAddress address) {
    return classify(address.getAddress());
  }

  private static AddressClass classify(byte[] bytes) {
    if (bytes.length == 4) {
      return lookup(IPV4, bytes);
    }
    AddressClass special = lookup(IPV6, bytes);
    if (special != AddressClass.PUBLIC) {
      return special;
    }
    if (IPV4_MAPPED.contains(bytes) || IPV4_COMPATIBLE.contains(bytes) || NAT64.contains(bytes)) {
      return classify(Arrays.copyOfRange(bytes, 12, 16));
    }
    if (SIX_TO_FOUR.contains(bytes)) {
      return classify(Arrays.copyOfRange(bytes, 2, 6));
    }
    return AddressClass.PUBLIC;
  }

  private static AddressClass lookup(List<Range> ranges, byte[] bytes) {
    for (Range range : ranges) {
      if (range.contains(bytes)) {
        return range.addressClass();
      }
    }
    return AddressClass.PUBLIC;
  }

  private static Range range(String cidr, AddressClass addressClass) {
    int slash = cidr.indexOf('/');
    try {
      // literals only: InetAddress parses them without any name lookup
      byte[] prefix = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
      if (prefix.length == 4 && cidr.contains(":")) {
        prefix = toIpv6(prefix, cidr);
      }
      return new Range(prefix, Integer.parseInt(cidr.substring(slash + 1)), addressClass);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(cidr, e);
    }
  }

  /** InetAddress turns {@code ::ffff:0:0} into an IPv4 address; the range needs the v6 form. */
  private static byte[] toIpv6(byte[] ipv4, String cidr) {
    byte[] ipv6 = new byte[16];
    ipv6[10] = (byte) 0xff;
    ipv6[11] = (byte) 0xff;
    System.arraycopy(ipv4, 0, ipv6, 12, 4);
    if (!cidr.startsWith("::ffff:")) {
      throw new IllegalArgumentException("unexpected IPv4-mapped prefix " + cidr);
    }
    return ipv6;
  }

  private record Range(byte[] prefix, int bits, AddressClass addressClass) {
    boolean contains(byte[] address) {
      if (address.length != prefix.length) {
        return false;
      }
      int fullBytes = bits / 8;
      for (int i = 0; i < fullBytes; i++) {
        if (address[i] != prefix[i]) {
          return false;
        }
      }
      int rest = bits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (address[fullBytes] & mask) == (prefix[fullBytes] & mask);
    }
  }
}
