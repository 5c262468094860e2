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
import java.util.ArrayList;
import java.util.List;

/**
 * The deletion request for each strong authentication method an attacker may have registered. The
 * password method cannot be deleted (it is reset instead), so it is left out.
 */
final class AuthenticationMethodDeletions {
  private AuthenticationMethodDeletions() {}

  static List<RequestInformation> of(AuthenticationRequestBuilder authentication) {
    List<RequestInformation> deletions = new ArrayList<>();
    var page = authentication.methods().get();
    for (AuthenticationMethod method :
        page == null ? List.<AuthenticationMethod>of() : page.getValue()) {
      RequestInformation deletion = deletionOf(authentication, method);
      if (deletion != null) {
        deletions.add(deletion);
      }
    }
    return deletions;
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
