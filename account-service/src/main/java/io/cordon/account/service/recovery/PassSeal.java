package io.cordon.account.service.recovery;

import io.cordon.account.config.TemporaryAccessPassConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a Temporary Access Pass with AES-256-GCM under the configured key. The associated data
 * binds a sealed value to its account and action, so a ciphertext copied to another row does not
 * open.
 */
@ApplicationScoped
public class PassSeal {
  static final int NONCE_BYTES = 12;
  static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  @Inject TemporaryAccessPassConfig config;

  /** A sealed value: the nonce, the ciphertext with its tag, and the key it was sealed under. */
  public record Sealed(byte[] nonce, byte[] ciphertext, String keyId) {
    @Override
    public String toString() {
      return "Sealed[keyId=" + keyId + "]";
    }
  }

  /** Whether a usable key is configured: present, base64, 32 bytes. Never says what it is. */
  public boolean configured() {
    try {
      key();
      return true;
    } catch (IllegalStateException e) {
      return false;
    }
  }

  public Sealed seal(String pass, String accountObjectId, String actionId) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    byte[] clear = pass.getBytes(StandardCharsets.UTF_8);
    try {
      Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, accountObjectId, actionId);
      return new Sealed(nonce, cipher.doFinal(clear), config.sealKeyId());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot seal the pass: " + e.getClass().getSimpleName());
    } finally {
      Arrays.fill(clear, (byte) 0);
    }
  }

  public String open(Sealed sealed, String accountObjectId, String actionId) {
    try {
      Cipher cipher = cipher(Cipher.DECRYPT_MODE, sealed.nonce(), accountObjectId, actionId);
      return new String(cipher.doFinal(sealed.ciphertext()), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      // a wrong key or a tampered row: say so without echoing anything of the value
      throw new IllegalStateException(
          "cannot open the sealed pass (key " + sealed.keyId() + "): wrong key or altered row");
    }
  }

  private Cipher cipher(int mode, byte[] nonce, String accountObjectId, String actionId)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(mode, key(), new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(
        ("cordon-tap|" + accountObjectId + "|" + actionId).getBytes(StandardCharsets.UTF_8));
    return cipher;
  }

  private SecretKey key() {
    String encoded =
        config
            .sealKey()
            .filter(k -> !k.isBlank())
            .orElseThrow(
                () ->
                    new IllegalStateException("cordon.temporary-access-pass.seal-key is not set"));
    byte[] raw;
    try {
      raw = Base64.getDecoder().decode(encoded.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("cordon.temporary-access-pass.seal-key is not base64");
    }
    if (raw.length != 32) {
      throw new IllegalStateException(
          "cordon.temporary-access-pass.seal-key must be 32 bytes (AES-256), base64");
    }
    return new SecretKeySpec(raw, "AES");
  }
}
