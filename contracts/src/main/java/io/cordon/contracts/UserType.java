package io.cordon.contracts;

/** Entra ID {@code userType}: guests are B2B accounts homed in another tenant. */
public enum UserType {
  MEMBER,
  GUEST
}
