package io.cordon.playbook.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.cordon.commons.problem.Problem;
import io.cordon.playbook.service.run.ManualRunRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the {@code accounts} of {@code POST /runs}: object ids only. A fact about an account sent
 * by the caller is refused rather than ignored, so that nobody believes a label they sent is what
 * the approver will see (docs/security.md "Trusted facts only").
 */
final class RunAccountEntries {
  static final Pattern GUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /** What an account could be described with: none of it is taken from the caller. */
  static final Set<String> FACTS =
      Set.of(
          "userPrincipalName",
          "upn",
          "displayName",
          "mail",
          "userType",
          "onPremisesSynced",
          "accountEnabled",
          "privileged",
          "privilegedRoles",
          "groups");

  static final String NOT_AN_OBJECT_ID =
      "must be an Entra object id (a GUID such as 0f8fad5b-d9cb-469f-a165-70867728950e);"
          + " UPNs and names are not taken here: send them to account-service's"
          + " POST /api/v1/compromise-reports";
  static final String FACT_REFUSED =
      "is a fact about the account, which is read from the directory, never taken from the"
          + " caller: send the object id only";

  private RunAccountEntries() {}

  static List<ManualRunRequest.Account> read(
      List<Problem.FieldError> errors, List<JsonNode> entries, int max, int maxErrors) {
    if (entries == null || entries.isEmpty()) {
      errors.add(new Problem.FieldError("accounts", "is required: at least one object id"));
      return List.of();
    }
    if (entries.size() > max) {
      errors.add(
          new Problem.FieldError(
              "accounts", "at most " + max + " accounts per run, got " + entries.size()));
      return List.of();
    }
    List<ManualRunRequest.Account> accounts = new ArrayList<>(entries.size());
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < entries.size() && errors.size() < maxErrors; i++) {
      String at = "accounts[" + i + "]";
      int before = errors.size();
      ManualRunRequest.Account account = entry(errors, at, entries.get(i));
      if (account == null || errors.size() != before) {
        continue;
      }
      Integer first = seen.putIfAbsent(account.objectId(), i);
      if (first != null) {
        errors.add(
            new Problem.FieldError(
                at, "duplicate account; accounts[" + first + "] already has it"));
        continue;
      }
      accounts.add(account);
    }
    return accounts;
  }

  private static ManualRunRequest.Account entry(
      List<Problem.FieldError> errors, String at, JsonNode entry) {
    if (entry != null && entry.isTextual()) {
      return isObjectId(errors, at, entry.asText())
          ? new ManualRunRequest.Account(normalised(entry.asText()), null)
          : null;
    }
    if (entry == null || !entry.isObject()) {
      errors.add(new Problem.FieldError(at, NOT_AN_OBJECT_ID));
      return null;
    }
    for (Iterator<String> names = entry.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (FACTS.contains(name)) {
        errors.add(new Problem.FieldError(at + "." + name, FACT_REFUSED));
      } else if (!name.equals("objectId") && !name.equals("tenantId")) {
        errors.add(
            new Problem.FieldError(
                at + "." + name, "is not taken: an account is {objectId, tenantId?}"));
      }
    }
    JsonNode objectId = entry.get("objectId");
    if (objectId == null || !objectId.isTextual()) {
      errors.add(new Problem.FieldError(at + ".objectId", NOT_AN_OBJECT_ID));
      return null;
    }
    if (!isObjectId(errors, at + ".objectId", objectId.asText())) {
      return null;
    }
    return new ManualRunRequest.Account(normalised(objectId.asText()), tenant(errors, at, entry));
  }

  private static boolean isObjectId(List<Problem.FieldError> errors, String at, String value) {
    if (GUID.matcher(value.strip()).matches()) {
      return true;
    }
    errors.add(new Problem.FieldError(at, NOT_AN_OBJECT_ID));
    return false;
  }

  private static String tenant(List<Problem.FieldError> errors, String at, JsonNode entry) {
    JsonNode tenant = entry.get("tenantId");
    if (tenant == null || tenant.isNull()) {
      return null;
    }
    if (!tenant.isTextual() || tenant.asText().isBlank() || tenant.asText().length() > 255) {
      errors.add(
          new Problem.FieldError(at + ".tenantId", "must be a tenant id or domain (1-255 chars)"));
      return null;
    }
    return tenant.asText().strip();
  }

  private static String normalised(String objectId) {
    return objectId.strip().toLowerCase(Locale.ROOT);
  }
}
