package io.cordon.playbook.service.run;

/**
 * Who started a run or decided an approval.
 *
 * @param name for people to read (upn, preferred_username or sub); it can change
 * @param id the unchangeable identity four eyes compares ({@code entra:<tid>/<oid>} or {@code
 *     iss:<issuer> <subject>}); null when the token named none
 */
public record PrincipalRef(String name, String id) {}
