package io.cordon.graphsim.service;

import io.cordon.graphsim.model.GraphRequest;

/**
 * Resource-unit cost of a request, from Microsoft's table for identity and access: GET on
 * collections listed there (users, memberOf, transitiveMemberOf, oauth2PermissionGrants) costs 2,
 * any other identity request 1; $select -1, $expand +1, $top below 20 -1; never below 1. Writes
 * (POST, PATCH, PUT, DELETE) cost 1 resource unit and 1 write.
 */
public final class RequestCosts {
  private RequestCosts() {}

  public static int resourceUnits(GraphRequest request) {
    String[] s = request.path().split("/");
    int cost = 1;
    if (request.method().equals("GET")) {
      boolean listedCollection =
          (s.length == 1 && (s[0].equals("users") || s[0].equals("oauth2PermissionGrants")))
              || (s.length == 2 && s[0].equals("oauth2PermissionGrants"))
              || (s.length == 3
                  && s[0].equals("users")
                  && (s[2].equals("memberOf")
                      || s[2].equals("transitiveMemberOf")
                      || s[2].equals("oauth2PermissionGrants")));
      if (listedCollection) {
        cost = 2;
      }
      if (request.query().containsKey("$select")) {
        cost--;
      }
      if (request.query().containsKey("$expand")) {
        cost++;
      }
      String top = request.query().get("$top");
      if (top != null && top.matches("\\d+") && Integer.parseInt(top) < 20) {
        cost--;
      }
    }
    return Math.max(1, cost);
  }

  /** The mailbox (user key) of an Outlook request, or null for identity requests. */
  public static String mailbox(String path) {
    String[] s = path.split("/");
    return s.length >= 3 && s[0].equals("users") && s[2].equals("mailFolders")
        ? s[1].toLowerCase(java.util.Locale.ROOT)
        : null;
  }
}
