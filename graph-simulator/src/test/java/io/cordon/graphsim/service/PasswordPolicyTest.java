package io.cordon.graphsim.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.graphsim.model.SimUser;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
  private static final SimUser USER = user();

  private static SimUser user() {
    SimUser user = new SimUser();
    user.userPrincipalName = "hanako.sato@jaxa-demo.example";
    return user;
  }

  @Test
  void needsLengthAndThreeClasses() {
    assertThat(PasswordPolicy.complies("Abcdef1!", USER)).isTrue();
    assertThat(PasswordPolicy.complies("Abc1!", USER)).isFalse();
    assertThat(PasswordPolicy.complies("abcdefgh1", USER)).isFalse();
    assertThat(PasswordPolicy.complies("abcdefgh1!", USER)).isTrue();
    assertThat(PasswordPolicy.complies("A".repeat(250) + "b1!xyz7", USER)).isFalse();
  }

  @Test
  void refusesForeignCharactersAndTheUsersAlias() {
    assertThat(PasswordPolicy.complies("Pässwort123!", USER)).isFalse();
    assertThat(PasswordPolicy.complies("Hanako.Sato#2024", USER)).isFalse();
  }
}
