package io.cordon.notification.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The current key, which seals, and the previous keys, which only open what they sealed: each
 * sealed secret names its key by id ({@link SecretCipher#keyId()}), so a key can be replaced while
 * the service runs on secrets sealed under both.
 */
public final class SecretKeyring {
  private final SecretCipher current;
  private final Map<String, SecretCipher> byId = new LinkedHashMap<>();

  public SecretKeyring(byte[] currentKey, List<byte[]> previousKeys) {
    this.current = new SecretCipher(currentKey);
    byId.put(current.keyId(), current);
    for (byte[] previous : previousKeys) {
      SecretCipher cipher = new SecretCipher(previous);
      byId.putIfAbsent(cipher.keyId(), cipher);
    }
  }

  /** Sealed under the current key. */
  public SecretCipher.Sealed seal(byte[] plaintext, byte[] associatedData) {
    return current.seal(plaintext, associatedData);
  }

  /** Opened with whichever key of the ring sealed it. */
  public byte[] open(SecretCipher.Sealed sealed, byte[] associatedData) {
    SecretCipher cipher = byId.get(sealed.keyId());
    if (cipher == null) {
      throw new IllegalStateException(
          "secret was encrypted under key "
              + sealed.keyId()
              + ", which is neither the current key "
              + current.keyId()
              + " nor a previous one "
              + byId.keySet()
              + ": list it in cordon.notification.previous-secret-encryption-keys");
    }
    return cipher.open(sealed, associatedData);
  }

  public String currentKeyId() {
    return current.keyId();
  }

  /** True when the secret should be sealed again under the current key. */
  public boolean isStale(String keyId) {
    return !current.keyId().equals(keyId);
  }
}
