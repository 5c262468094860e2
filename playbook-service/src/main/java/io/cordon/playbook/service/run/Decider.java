package io.cordon.playbook.service.run;

import java.util.function.Predicate;

/**
 * Who decides an approval.
 *
 * @param applicationReason why the token is an application's own rather than a person's; null for a
 *     person
 * @param hasRole whether the caller holds a role
 */
public record Decider(PrincipalRef who, String applicationReason, Predicate<String> hasRole) {}
