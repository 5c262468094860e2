package io.cordon.account.client;

import static io.cordon.account.client.CleanupTargets.next;
import static io.cordon.account.client.CleanupTargets.notEmpty;
import static io.cordon.account.client.CleanupTargets.valuesOf;

import com.microsoft.graph.models.MailFolder;
import com.microsoft.graph.models.MessageRule;
import com.microsoft.graph.models.MessageRuleActions;
import com.microsoft.graph.models.MessageRulePredicates;
import com.microsoft.graph.models.odataerrors.ODataError;
import com.microsoft.graph.serviceclient.GraphServiceClient;
import io.cordon.account.client.CleanupTargets.Listing;
import io.cordon.account.client.CleanupTargets.Removal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * REMOVE_MAIL_RULES: the inbox rules an attacker uses (docs/playbooks.md "Mail rules"). Forwarding
 * rules send mail out; hiding rules keep the owner from seeing replies and warnings (delete, mark
 * as read, or move to Deleted Items, Archive, Junk Email or RSS Subscriptions, on keyword
 * conditions or on none). Every other rule (filing into an ordinary folder, categories, flags) is
 * left alone. Graph gives rules no creation time, so the compromise window does not narrow this
 * action.
 */
final class MailRuleTargets {
  /** Well-known folder names (mailFolder v1.0) of the folders hiding rules move mail to. */
  static final List<String> HIDING_FOLDERS = List.of("deleteditems", "archive", "junkemail");

  /** RSS Subscriptions has no well-known name: found by its English display names. */
  static final List<String> RSS_FOLDER_NAMES = List.of("RSS Subscriptions", "RSS Feeds");

  private MailRuleTargets() {}

  static Listing list(GraphServiceClient graph, String userId) {
    var rules = graph.users().byUserId(userId).mailFolders().byMailFolderId("inbox").messageRules();
    List<MessageRule> all = new ArrayList<>();
    for (var page = rules.get();
        page != null;
        page = next(page.getOdataNextLink(), url -> rules.withUrl(url).get())) {
      all.addAll(valuesOf(page.getValue()));
    }
    Set<String> hidingFolders = null;
    List<Removal> removals = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    for (MessageRule rule : all) {
      MessageRuleActions actions = rule.getActions();
      boolean remove = forwards(actions);
      if (!remove
          && actions != null
          && actions.getMoveToFolder() != null
          && hidingFolders == null) {
        // read only when a rule moves mail, and once per listing
        hidingFolders = hidingFolderIds(graph, userId);
      }
      if (!remove && hidingFolders == UNREADABLE && hides(rule, Set.of(ANY_FOLDER))) {
        // moves mail on keywords to a folder the app may not identify: a person decides
        unknown.add(
            "inbox rule \""
                + rule.getDisplayName()
                + "\" (moves mail to a folder the app cannot read: grant Mail.ReadBasic.All)");
        continue;
      }
      remove = remove || hides(rule, hidingFolders == null ? Set.of() : hidingFolders);
      if (remove) {
        removals.add(
            new Removal(
                "rule:" + rule.getId(),
                "inbox rule \"" + rule.getDisplayName() + "\"",
                rules.byMessageRuleId(rule.getId()).toDeleteRequestInformation()));
      }
    }
    return new Listing(removals, List.of(), unknown, null);
  }

  /** Marks a folder set Graph refused to show (403: the app lacks a mail read permission). */
  private static final Set<String> UNREADABLE = Set.of("\u0000unreadable");

  private static final String ANY_FOLDER = "\u0000any";

  static boolean forwards(MessageRuleActions actions) {
    return actions != null
        && (notEmpty(actions.getForwardTo())
            || notEmpty(actions.getRedirectTo())
            || notEmpty(actions.getForwardAsAttachmentTo()));
  }

  /** A hiding action on keyword conditions, or on no condition at all (every message). */
  static boolean hides(MessageRule rule, Set<String> hidingFolders) {
    MessageRuleActions actions = rule.getActions();
    if (actions == null) {
      return false;
    }
    boolean hidingAction =
        Boolean.TRUE.equals(actions.getDelete())
            || Boolean.TRUE.equals(actions.getPermanentDelete())
            || Boolean.TRUE.equals(actions.getMarkAsRead())
            || (actions.getMoveToFolder() != null
                && (hidingFolders.contains(ANY_FOLDER)
                    || hidingFolders.contains(actions.getMoveToFolder().toLowerCase(Locale.ROOT))));
    return hidingAction && (keywords(rule.getConditions()) || unconditional(rule));
  }

  private static boolean keywords(MessageRulePredicates when) {
    return when != null
        && (notEmpty(when.getSubjectContains())
            || notEmpty(when.getBodyContains())
            || notEmpty(when.getBodyOrSubjectContains())
            || notEmpty(when.getSenderContains())
            || notEmpty(when.getRecipientContains())
            || notEmpty(when.getHeaderContains()));
  }

  /** No condition and no exception: the rule acts on every message that arrives. */
  private static boolean unconditional(MessageRule rule) {
    return empty(rule.getConditions()) && empty(rule.getExceptions());
  }

  private static boolean empty(MessageRulePredicates predicates) {
    if (predicates == null) {
      return true;
    }
    // the SDK keeps set properties in its backing store: an empty predicate object has none
    return predicates.getBackingStore().enumerate().values().stream()
        .allMatch(
            v ->
                v == null
                    || (v instanceof java.util.Collection<?> c && c.isEmpty())
                    || (v instanceof java.util.Map<?, ?> m && m.isEmpty()));
  }

  /**
   * The ids of Deleted Items, Archive and Junk Email ({@code GET mailFolders/{well-known name}})
   * and of a top-level RSS Subscriptions folder, lower-cased, with the well-known names themselves.
   * A folder the mailbox lacks (404) is left out. Reading folders needs Mail.ReadBasic.All (or
   * Mail.Read): without it (403) the result is {@link #UNREADABLE}.
   */
  private static Set<String> hidingFolderIds(GraphServiceClient graph, String userId) {
    try {
      return readHidingFolderIds(graph, userId);
    } catch (ODataError e) {
      if (e.getResponseStatusCode() == 403) {
        return UNREADABLE;
      }
      throw e;
    }
  }

  private static Set<String> readHidingFolderIds(GraphServiceClient graph, String userId) {
    Set<String> ids = new HashSet<>(HIDING_FOLDERS);
    var folders = graph.users().byUserId(userId).mailFolders();
    for (String name : HIDING_FOLDERS) {
      try {
        MailFolder folder =
            folders.byMailFolderId(name).get(c -> c.queryParameters.select = new String[] {"id"});
        if (folder != null && folder.getId() != null) {
          ids.add(folder.getId().toLowerCase(Locale.ROOT));
        }
      } catch (ODataError e) {
        if (e.getResponseStatusCode() != 404) {
          throw e;
        }
      }
    }
    String filter =
        String.join(
            " or ", RSS_FOLDER_NAMES.stream().map(n -> "displayName eq '" + n + "'").toList());
    var page =
        folders.get(
            c -> {
              c.queryParameters.filter = filter;
              c.queryParameters.select = new String[] {"id", "displayName"};
            });
    for (MailFolder folder : page == null ? List.<MailFolder>of() : valuesOf(page.getValue())) {
      ids.add(folder.getId().toLowerCase(Locale.ROOT));
    }
    return ids;
  }
}
