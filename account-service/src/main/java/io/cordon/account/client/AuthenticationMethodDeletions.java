package io.cordon.account.client;

import com.microsoft.graph.models.AuthenticationMethod;
import com.microsoft.graph.models.EmailAuthenticationMethod;
import com.microsoft.graph.models.Fido2AuthenticationMethod;
import com.microsoft.graph.models.MicrosoftAuthenticatorAuthenticationMethod;
import com.microsoft.graph.models.PhoneAuthenticationMethod;
import com.microsoft.graph.models.SoftwareOathAuthenticationMethod;
import com.microsoft.graph.models.TemporaryAccessPassAuthenticationMethod;
import com.microsoft.graph.models.WindowsHelloForBusinessAuthenticationMethod;
import com.microsoft.graph.users.item.authentication.AuthenticationRequestBuilder;
import com.microsoft.kiota.RequestInformation;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The deletion request for each strong authentication method an attacker may have registered: the
 * methods registered in the compromise window. Graph gives most method types a {@code
 * createdDateTime}; a method without one (phone, email, software OATH in v1.0) is named for a
 * person to judge instead of being deleted, and one registered before the window is listed and
 * kept. The password method cannot be deleted (it is reset instead), so it is left out.
 */
final class AuthenticationMethodDeletions {
  private AuthenticationMethodDeletions() {}

  static CleanupTargets.Listing of(AuthenticationRequestBuilder authentication, Instant from) {
    List<CleanupTargets.Removal> removals = new ArrayList<>();
    List<String> older = new ArrayList<>();
    List<String> undated = new ArrayList<>();
    var page = authentication.methods().get();
    for (AuthenticationMethod method :
        page == null || page.getValue() == null
            ? List.<AuthenticationMethod>of()
            : page.getValue()) {
      RequestInformation deletion = deletionOf(authentication, method);
      if (deletion == null) {
        continue;
      }
      String label = labelOf(method);
      OffsetDateTime created = method.getCreatedDateTime();
      if (created == null) {
        undated.add(label + " (no creation time in Graph)");
      } else if (created.toInstant().isBefore(from)) {
        older.add(label + " registered " + created.toInstant());
      } else {
        removals.add(new CleanupTargets.Removal("method:" + method.getId(), label, deletion));
      }
    }
    return new CleanupTargets.Listing(removals, older, undated, null);
  }

  /** The method's type and id (never its phone number or address). */
  static String labelOf(AuthenticationMethod method) {
    String type = method.getOdataType() == null ? "" : method.getOdataType();
    type = type.substring(type.lastIndexOf('.') + 1).replace("AuthenticationMethod", "");
    String name =
        method instanceof MicrosoftAuthenticatorAuthenticationMethod app
                && app.getDisplayName() != null
            ? " \"" + app.getDisplayName() + "\""
            : "";
    return type + " method " + method.getId() + name;
  }

  private static RequestInformation deletionOf(
      AuthenticationRequestBuilder auth, AuthenticationMethod method) {
    String id = method.getId();
    if (method instanceof PhoneAuthenticationMethod) {
      return auth.phoneMethods().byPhoneAuthenticationMethodId(id).toDeleteRequestInformation();
    }
    if (method instanceof MicrosoftAuthenticatorAuthenticationMethod) {
      return auth.microsoftAuthenticatorMethods()
          .byMicrosoftAuthenticatorAuthenticationMethodId(id)
          .toDeleteRequestInformation();
    }
    if (method instanceof Fido2AuthenticationMethod) {
      return auth.fido2Methods().byFido2AuthenticationMethodId(id).toDeleteRequestInformation();
    }
    if (method instanceof SoftwareOathAuthenticationMethod) {
      return auth.softwareOathMethods()
          .bySoftwareOathAuthenticationMethodId(id)
          .toDeleteRequestInformation();
    }
    if (method instanceof EmailAuthenticationMethod) {
      return auth.emailMethods().byEmailAuthenticationMethodId(id).toDeleteRequestInformation();
    }
    if (method instanceof TemporaryAccessPassAuthenticationMethod) {
      return auth.temporaryAccessPassMethods()
          .byTemporaryAccessPassAuthenticationMethodId(id)
          .toDeleteRequestInformation();
    }
    if (method instanceof WindowsHelloForBusinessAuthenticationMethod) {
      return auth.windowsHelloForBusinessMethods()
          .byWindowsHelloForBusinessAuthenticationMethodId(id)
          .toDeleteRequestInformation();
    }
    return null;
  }
}
