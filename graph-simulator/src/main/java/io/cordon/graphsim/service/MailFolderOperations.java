package io.cordon.graphsim.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cordon.graphsim.model.GraphRequest;
import io.cordon.graphsim.model.GraphResponse;
import io.cordon.graphsim.model.Outcome;
import io.cordon.graphsim.model.SimUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mailbox's top-level folders: {@code GET /users/{id}/mailFolders} (with a {@code displayName eq}
 * filter) and {@code GET /users/{id}/mailFolders/{id or well-known name}}. Every mailbox has the
 * same folders; their ids are the well-known name in the simulator's id style ({@code AAMk-name}).
 */
@ApplicationScoped
public class MailFolderOperations {
  /** Well-known name (or, for RSS Subscriptions, none) to display name. */
  static final Map<String, String> FOLDERS =
      Map.of(
          "inbox", "Inbox",
          "deleteditems", "Deleted Items",
          "archive", "Archive",
          "junkemail", "Junk Email",
          "sentitems", "Sent Items",
          "rssfeeds", "RSS Subscriptions");

  private static final Pattern NAME_FILTER =
      Pattern.compile("displayName\\s+eq\\s+'([^']+)'", Pattern.CASE_INSENSITIVE);

  @Inject UserViews views;
  @Inject ObjectMapper json;

  static String folderId(String wellKnown) {
    return "AAMk-" + wellKnown;
  }

  public Outcome handle(SimUser user, GraphRequest request, String[] s, String action) {
    if (!request.method().equals("GET")) {
      return Outcome.read(
          GraphErrors.error(
              405, "Request_BadRequest", "The requested method is not allowed on this resource."),
          action,
          user.id);
    }
    if (!user.mailboxEnabled) {
      return Outcome.read(
          GraphErrors.error(
              404,
              "MailboxNotEnabledForRESTAPI",
              "The mailbox is either inactive, soft-deleted, or is hosted on-premise."),
          action,
          user.id);
    }
    if (s.length == 3) {
      List<String> names = new ArrayList<>();
      Matcher m = NAME_FILTER.matcher(request.query().getOrDefault("$filter", ""));
      while (m.find()) {
        names.add(m.group(1).toLowerCase(Locale.ROOT));
      }
      List<ObjectNode> items = new ArrayList<>();
      FOLDERS.forEach(
          (name, display) -> {
            if (names.isEmpty() || names.contains(display.toLowerCase(Locale.ROOT))) {
              items.add(folder(name, display));
            }
          });
      return Outcome.read(views.list(items, request), action, user.id);
    }
    String key = s[3].toLowerCase(Locale.ROOT);
    for (var entry : FOLDERS.entrySet()) {
      boolean wellKnown = !entry.getKey().equals("rssfeeds") && entry.getKey().equals(key);
      if (wellKnown || folderId(entry.getKey()).equalsIgnoreCase(s[3])) {
        return Outcome.read(
            GraphResponse.of(200, folder(entry.getKey(), entry.getValue())), action, user.id);
      }
    }
    return Outcome.read(
        GraphErrors.error(404, "ErrorInvalidIdMalformed", "Id is malformed."), action, user.id);
  }

  private ObjectNode folder(String name, String display) {
    ObjectNode node = json.createObjectNode();
    node.put("id", folderId(name));
    node.put("displayName", display);
    node.put("parentFolderId", "AAMk-msgfolderroot");
    node.put("childFolderCount", 0);
    node.put("unreadItemCount", 0);
    node.put("totalItemCount", 0);
    return node;
  }
}
