package io.cordon.contracts.signing;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.PublicKey;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;

/**
 * JDK Ed25519 keys (read by {@link SigningKeys}) as Bouncy Castle's key parameters, converted once
 * per key through their standard encodings (PKCS#8, X.509), so files and tests keep the JDK types.
 */
final class Ed25519Keys {
  private Ed25519Keys() {}

  static Ed25519PrivateKeyParameters privateParameters(PrivateKey key) {
    return ed25519(decode(key.getEncoded(), true), Ed25519PrivateKeyParameters.class);
  }

  static Ed25519PublicKeyParameters publicParameters(PublicKey key) {
    return ed25519(decode(key.getEncoded(), false), Ed25519PublicKeyParameters.class);
  }

  private static AsymmetricKeyParameter decode(byte[] encoded, boolean isPrivate) {
    if (encoded == null) {
      throw new IllegalArgumentException("the key has no standard encoding");
    }
    try {
      return isPrivate ? PrivateKeyFactory.createKey(encoded) : PublicKeyFactory.createKey(encoded);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not an Ed25519 key", e);
    }
  }

  private static <T> T ed25519(AsymmetricKeyParameter parameters, Class<T> type) {
    if (!type.isInstance(parameters)) {
      throw new IllegalArgumentException("not an Ed25519 key");
    }
    return type.cast(parameters);
  }
}
