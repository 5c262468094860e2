package io.cordon.playbook.run;

import io.cordon.contracts.UserType;
import io.cordon.contracts.events.GroupRef;
import io.cordon.contracts.events.ResolvedAccount;
import java.util.ArrayList;
import java.util.List;

/**
 * Test accounts with known facts: every 10th is synced from on-premises, every 25th privileged,
 * every 40th a guest; every 3rd is in group H3, every 7th in group Liaison.
 */
final class Accounts {
  static final GroupRef H3 = new GroupRef("g-h3", "Project H3 Team");
  static final GroupRef LIAISON = new GroupRef("g-liaison", "Toyota Liaison");
  static final String TENANT = "t-jaxa";

  private Accounts() {}

  static List<ResolvedAccount> generate(String prefix, int count) {
    List<ResolvedAccount> accounts = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      accounts.add(account(prefix, i));
    }
    return accounts;
  }

  static ResolvedAccount account(String prefix, int i) {
    List<GroupRef> groups = new ArrayList<>();
    if (i % 3 == 0) {
      groups.add(H3);
    }
    if (i % 7 == 0) {
      groups.add(LIAISON);
    }
    boolean guest = isGuest(i);
    return new ResolvedAccount(
        prefix + String.format("%04d", i),
        "user" + i + (guest ? "@partner.example" : "@jaxa.example"),
        TENANT,
        guest ? UserType.GUEST : UserType.MEMBER,
        isSynced(i),
        true,
        isPrivileged(i) ? List.of("Global Administrator") : List.of(),
        groups);
  }

  static boolean isSynced(int i) {
    return i % 10 == 0;
  }

  static boolean isPrivileged(int i) {
    return i % 25 == 0;
  }

  static boolean isGuest(int i) {
    return i % 40 == 5;
  }

  static int index(String objectId) {
    return Integer.parseInt(objectId.substring(objectId.length() - 4));
  }
}
