package io.cordon.commons.security;

/** The roles of DESIGN §4, taken from the one claim {@link TokenConfig#rolesClaim()} names. */
public final class Roles {
  public static final String VIEWER = "viewer";
  public static final String RESPONDER = "responder";
  public static final String APPROVER = "approver";
  public static final String DETECTOR = "detector";
  public static final String ADMIN = "admin";

  /** Reads a sealed Temporary Access Pass once, to hand it to the account's owner (DESIGN §11). */
  public static final String HELPDESK = "helpdesk";

  private Roles() {}
}
