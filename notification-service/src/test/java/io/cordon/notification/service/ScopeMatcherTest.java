package io.cordon.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.contracts.ActionType;
import io.cordon.contracts.RunState;
import io.cordon.contracts.Severity;
import io.cordon.contracts.events.ActionTally;
import io.cordon.contracts.events.AffectedAccount;
import io.cordon.contracts.events.AffectedScopes;
import io.cordon.contracts.events.GroupRef;
import io.cordon.contracts.events.IncidentRef;
import io.cordon.contracts.events.NotificationRequested;
import io.cordon.contracts.events.RunSummary;
import io.cordon.notification.mapping.PartnerMatch;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ScopeMatcherTest {
  private static final GroupRef H3 =
      new GroupRef("6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e5f", "Project H3 Team");
  private static final GroupRef ENGINES =
      new GroupRef("0a0b0c0d-1111-2222-3333-444455556666", "Rocket Engines");
  private static final AffectedAccount ALICE =
      AffectedAccount.of("alice@jaxa.jp", List.of(H3.id()));
  private static final AffectedAccount BOB =
      AffectedAccount.of("bob@Toyota.Example", List.of(ENGINES.id()));
  private static final AffectedAccount CAROL = AffectedAccount.of("carol@nasa.example", List.of());

  private static final IncidentFacts FACTS =
      IncidentFacts.of(request(List.of(H3, ENGINES), List.of("Aerospace"), ALICE, BOB, CAROL));

  @Test
  void aGroupsDisplayNameNeverMatches() {
    // anyone may rename a group, or create one under a partner's group name
    assertThat(match(scopes(List.of("Project H3 Team"), List.of(), List.of()))).isEmpty();
    assertThat(match(scopes(List.of("project h3 TEAM"), List.of(), List.of()))).isEmpty();
  }

  @Test
  void aRenamedGroupStillMatchesByItsId() {
    GroupRef renamed = new GroupRef(H3.id(), "Former H3 members");
    IncidentFacts facts = IncidentFacts.of(request(List.of(renamed), List.of(), ALICE));

    assertThat(ScopeMatcher.match(scopes(List.of(H3.id()), List.of(), List.of()), facts))
        .hasValueSatisfying(m -> assertThat(m.groups()).containsExactly(renamed));
  }

  @Test
  void groupScopeMatchesTheObjectIdIgnoringCase() {
    PartnerMatch match =
        match(scopes(List.of(ENGINES.id().toUpperCase()), List.of(), List.of())).get();

    assertThat(match.groups()).containsExactly(ENGINES);
    assertThat(match.accounts()).containsExactly(BOB);
  }

  @Test
  void domainScopeMatchesTheAccountsDomain() {
    PartnerMatch match = match(scopes(List.of(), List.of("TOYOTA.example."), List.of())).get();

    assertThat(match.domains()).containsExactly("toyota.example");
    assertThat(match.accounts()).containsExactly(BOB);
  }

  @Test
  void tagScopeMatchesButBringsNoAccountIntoScope() {
    PartnerMatch match = match(scopes(List.of(), List.of(), List.of("aerospace"))).get();

    assertThat(match.tags()).containsExactly("Aerospace");
    assertThat(match.accounts()).isEmpty();
  }

  @Test
  void severalScopesCollectEachAccountOnce() {
    PartnerMatch match =
        match(scopes(List.of("Project H3 Team", H3.id()), List.of("jaxa.jp"), List.of())).get();

    assertThat(match.groups()).containsExactly(H3);
    assertThat(match.accounts()).containsExactly(ALICE);
  }

  @Test
  void partnerWhoseScopesMeetNothingIsNotAffected() {
    assertThat(
            match(
                scopes(
                    List.of("Project H3", "6f1c2d3e-4a5b-4c6d-8e9f-0a1b2c3d4e50"),
                    List.of("jaxa.jp.evil.example", "example"),
                    List.of("aero"))))
        .isEmpty();
    assertThat(match(scopes(List.of(), List.of(), List.of()))).isEmpty();
  }

  @Test
  void groupsAndDomainsOnlyTheAccountsCarryStillMatch() {
    GroupRef unlisted = new GroupRef("99999999-8888-7777-6666-555555555555", "Unlisted");
    AffectedAccount dave = AffectedAccount.of("dave@mitsubishi.example", List.of(unlisted.id()));
    IncidentFacts facts = IncidentFacts.of(request(List.of(), List.of(), dave));

    assertThat(ScopeMatcher.match(scopes(List.of(unlisted.id()), List.of(), List.of()), facts))
        .hasValueSatisfying(m -> assertThat(m.accounts()).containsExactly(dave));
    assertThat(
            ScopeMatcher.match(scopes(List.of(), List.of("mitsubishi.example"), List.of()), facts))
        .isPresent();
    assertThat(facts.groupKeys()).containsExactly(unlisted.id());
  }

  @Test
  void candidateKeysAreLowerCaseIdsOnly() {
    assertThat(FACTS.groupKeys()).containsExactlyInAnyOrder(H3.id(), ENGINES.id());
    assertThat(FACTS.domains())
        .containsExactlyInAnyOrder("jaxa.jp", "toyota.example", "nasa.example");
    assertThat(FACTS.tagKeys()).containsExactly("aerospace");
  }

  private static Optional<PartnerMatch> match(PartnerScopes scopes) {
    return ScopeMatcher.match(scopes, FACTS);
  }

  private static PartnerScopes scopes(
      List<String> groups, List<String> domains, List<String> tags) {
    return new PartnerScopes(groups, domains, tags);
  }

  static NotificationRequested request(
      List<GroupRef> groups, List<String> tags, AffectedAccount... accounts) {
    List<AffectedAccount> affected = List.of(accounts);
    return new NotificationRequested(
        NotificationRequested.SCHEMA_VERSION,
        "event-1",
        "notification-1",
        new IncidentRef("INC-1", "VPN breach", Severity.HIGH),
        new RunSummary(
            "run-1",
            "contain-compromised-account",
            RunState.RUNNING,
            affected.size(),
            Instant.parse("2024-01-10T09:00:00Z"),
            null),
        new AffectedScopes(
            groups, affected.stream().map(AffectedAccount::domain).distinct().toList(), tags),
        List.of(),
        List.of(new ActionTally(ActionType.REVOKE_SESSIONS, affected.size(), 0, 0, 0)),
        affected,
        Instant.parse("2024-01-10T09:05:00Z"));
  }
}
