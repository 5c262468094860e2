package io.cordon.account.client;

import com.microsoft.graph.models.Device;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DISABLE_DEVICES: the devices the user registered ({@code GET
 * /users/{id}/registeredDevices/microsoft.graph.device}) or owns ({@code
 * .../ownedDevices/microsoft.graph.device}). One whose {@code registrationDateTime} is in the
 * compromise window is disabled ({@code PATCH /devices/{id}} with {@code accountEnabled: false})
 * unless it already is; older ones are listed. Graph lets an app (app-only) change only the
 * extension attributes of a device that does not run Windows: those are named for a person.
 */
@ApplicationScoped
public class DeviceTargets {
  private static final String[] SELECT = {
    "id", "deviceId", "displayName", "operatingSystem", "accountEnabled", "registrationDateTime"
  };

  public CleanupTargets.Listing list(GraphServiceClient graph, String userId, Instant windowStart) {
    // a device both registered and owned by the user is one device
    Map<String, Device> devices = new LinkedHashMap<>();
    var registered = graph.users().byUserId(userId).registeredDevices().graphDevice();
    for (var page = registered.get(c -> c.queryParameters.select = SELECT);
        page != null;
        page = CleanupTargets.next(page.getOdataNextLink(), url -> registered.withUrl(url).get())) {
      CleanupTargets.valuesOf(page.getValue()).forEach(d -> devices.putIfAbsent(d.getId(), d));
    }
    var owned = graph.users().byUserId(userId).ownedDevices().graphDevice();
    for (var page = owned.get(c -> c.queryParameters.select = SELECT);
        page != null;
        page = CleanupTargets.next(page.getOdataNextLink(), url -> owned.withUrl(url).get())) {
      CleanupTargets.valuesOf(page.getValue()).forEach(d -> devices.putIfAbsent(d.getId(), d));
    }
    List<CleanupTargets.Removal> disables = new ArrayList<>();
    List<String> older = new ArrayList<>();
    List<String> manual = new ArrayList<>();
    for (Device device : devices.values()) {
      String name = "device " + device.getId() + " '" + device.getDisplayName() + "'";
      if (!AppCredentialTargets.inWindow(device.getRegistrationDateTime(), windowStart)) {
        older.add(name + " registered " + device.getRegistrationDateTime());
      } else if (Boolean.FALSE.equals(device.getAccountEnabled())) {
        continue; // disabled already: done, nothing to send
      } else if (!isWindows(device.getOperatingSystem())) {
        manual.add(
            name
                + " ("
                + device.getOperatingSystem()
                + ": an app may not disable a device that does not run Windows)");
      } else {
        Device disabled = new Device();
        disabled.setAccountEnabled(false);
        disables.add(
            new CleanupTargets.Removal(
                "device:" + device.getId(),
                name,
                graph.devices().byDeviceId(device.getId()).toPatchRequestInformation(disabled)));
      }
    }
    return new CleanupTargets.Listing(disables, older, manual, null);
  }

  private static boolean isWindows(String operatingSystem) {
    return operatingSystem != null && operatingSystem.toLowerCase().startsWith("windows");
  }
}
