package io.cordon.notification.service;

import java.util.Arrays;
import java.util.List;

/** What one attempt has to send, read from the database before any network traffic. */
public sealed interface DeliveryJob {

  DeliveryClaim claim();

  /** The URL or address the attempt goes to, as recorded with the attempt. */
  String target();

  /**
   * @param keys the partner's signing keys, opened for this attempt only and wiped after signing
   */
  record Webhook(DeliveryClaim claim, String url, String webhookId, String body, List<byte[]> keys)
      implements DeliveryJob {

    @Override
    public String target() {
      return url;
    }

    public void wipeKeys() {
      keys.forEach(key -> Arrays.fill(key, (byte) 0));
    }

    @Override
    public String toString() {
      return "Webhook[delivery=" + claim.deliveryId() + ", url=" + url + "]";
    }
  }

  record Email(DeliveryClaim claim, String to, String subject, String text, String webhookId)
      implements DeliveryJob {

    @Override
    public String target() {
      return to;
    }
  }
}
