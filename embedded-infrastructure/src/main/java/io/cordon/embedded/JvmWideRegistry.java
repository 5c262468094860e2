package io.cordon.embedded;

import java.lang.management.ManagementFactory;
import java.util.function.Supplier;
import javax.management.JMException;
import javax.management.JMX;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import javax.management.StandardMBean;

/**
 * Shares one server per JVM even when Quarkus loads this module in several class loaders (one per
 * test profile or resource set): a static field would then exist once per class loader, the
 * platform MBean server exists once per JVM.
 */
final class JvmWideRegistry {

  // A string literal is interned JVM-wide, so every class loader's copy of this class locks the
  // same object; that is exactly the point here.
  private static final Object JVM_WIDE_LOCK = "io.cordon.embedded.JvmWideRegistry.lock";

  private JvmWideRegistry() {}

  static <T> T getOrCreate(String name, Class<T> controlInterface, Supplier<? extends T> factory) {
    MBeanServer mbeanServer = ManagementFactory.getPlatformMBeanServer();
    ObjectName objectName = objectName(name);
    synchronized (JVM_WIDE_LOCK) {
      if (!mbeanServer.isRegistered(objectName)) {
        register(mbeanServer, objectName, controlInterface, factory.get());
      }
    }
    return JMX.newMXBeanProxy(mbeanServer, objectName, controlInterface);
  }

  static boolean exists(String name) {
    return ManagementFactory.getPlatformMBeanServer().isRegistered(objectName(name));
  }

  private static <T> void register(
      MBeanServer mbeanServer, ObjectName objectName, Class<T> controlInterface, T implementation) {
    try {
      mbeanServer.registerMBean(
          new StandardMBean(implementation, controlInterface, true), objectName);
    } catch (JMException e) {
      throw new IllegalStateException("Cannot register " + objectName, e);
    }
  }

  private static ObjectName objectName(String name) {
    try {
      return new ObjectName("io.cordon.embedded:type=" + name);
    } catch (JMException e) {
      throw new IllegalArgumentException(name, e);
    }
  }
}
