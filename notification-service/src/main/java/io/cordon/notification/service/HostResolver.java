package io.cordon.notification.service;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Name resolution, replaceable in tests (which must never look up internet names). */
@FunctionalInterface
public interface HostResolver {
  InetAddress[] resolve(String host) throws UnknownHostException;
}
