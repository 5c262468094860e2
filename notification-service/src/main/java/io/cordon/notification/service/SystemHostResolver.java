package io.cordon.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Resolves through the JVM's resolver (hosts file, then DNS); IP literals need no lookup. */
@ApplicationScoped
public class SystemHostResolver implements HostResolver {
  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    return InetAddress.getAllByName(host);
  }
}
