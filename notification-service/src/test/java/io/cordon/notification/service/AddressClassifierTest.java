package io.cordon.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressClassifierTest {

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource({
    // IPv4 special ranges, with their edges
    "0.0.0.0, UNSPECIFIED",
    "0.255.255.255, UNSPECIFIED",
    "9.255.255.255, PUBLIC",
    "10.0.0.0, PRIVATE",
    "10.255.255.255, PRIVATE",
    "11.0.0.0, PUBLIC",
    "100.63.255.255, PUBLIC",
    "100.64.0.1, SHARED",
    "100.127.255.255, SHARED",
    "100.128.0.0, PUBLIC",
    "126.255.255.255, PUBLIC",
    "127.0.0.1, LOOPBACK",
    "127.255.255.254, LOOPBACK",
    "128.0.0.0, PUBLIC",
    "169.253.255.255, PUBLIC",
    "169.254.169.254, LINK_LOCAL",
    "169.255.0.0, PUBLIC",
    "172.15.255.255, PUBLIC",
    "172.16.0.0, PRIVATE",
    "172.31.255.255, PRIVATE",
    "172.32.0.0, PUBLIC",
    "192.0.0.8, RESERVED",
    "192.0.2.10, RESERVED",
    "192.167.255.255, PUBLIC",
    "192.168.0.1, PRIVATE",
    "192.168.255.255, PRIVATE",
    "192.169.0.0, PUBLIC",
    "198.18.0.1, RESERVED",
    "198.51.100.7, RESERVED",
    "203.0.113.9, RESERVED",
    "224.0.0.1, MULTICAST",
    "239.255.255.250, MULTICAST",
    "240.0.0.1, RESERVED",
    "255.255.255.255, RESERVED",
    "8.8.8.8, PUBLIC",
    "20.190.128.1, PUBLIC",
    // IPv6
    "::, UNSPECIFIED",
    "::1, LOOPBACK",
    "fc00::1, UNIQUE_LOCAL",
    "fd12:3456:789a::1, UNIQUE_LOCAL",
    "fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, UNIQUE_LOCAL",
    "fbff:ffff::1, PUBLIC",
    "fe80::1, LINK_LOCAL",
    "febf:ffff::1, LINK_LOCAL",
    "fec0::1, SITE_LOCAL",
    "ff02::1, MULTICAST",
    "ff0e::1, MULTICAST",
    "2001:db8::1, RESERVED",
    "100::1, RESERVED",
    "2001:4860:4860::8888, PUBLIC",
    "2606:4700:4700::1111, PUBLIC",
    // IPv6 forms that carry an IPv4 address are judged by it
    "::ffff:127.0.0.1, LOOPBACK",
    "::ffff:10.1.2.3, PRIVATE",
    "::ffff:8.8.8.8, PUBLIC",
    "::127.0.0.1, LOOPBACK",
    "::192.168.1.1, PRIVATE",
    "64:ff9b::a9fe:a9fe, LINK_LOCAL",
    "64:ff9b::808:808, PUBLIC",
    "64:ff9b:1::1, PRIVATE",
    "2002:c0a8:0101::1, PRIVATE",
    "2002:7f00:0001::1, LOOPBACK",
    "2002:0808:0808::1, PUBLIC"
  })
  void classifies(String literal, AddressClass expected) throws UnknownHostException {
    // IP literals only: InetAddress parses them without any name lookup
    assertThat(AddressClassifier.classify(InetAddress.getByName(literal))).isEqualTo(expected);
  }
}
