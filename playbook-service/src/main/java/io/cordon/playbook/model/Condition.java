package io.cordon.playbook.model;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A step's {@code when}: every condition given must hold (AND); a null one is not checked.
 *
 * @param privileged the account holds (true) or does not hold (false) a privileged directory role
 * @param synced the account is (true) or is not (false) mastered on-premises
 * @param guest the account is (true) or is not (false) a guest
 * @param groups the account is a member of at least one of these groups (object ids or names)
 * @param tenant the account lives in one of these tenants (tenant ids or domains)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Condition(
    Boolean privileged,
    Boolean synced,
    Boolean guest,
    List<String> groups,
    @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> tenant) {

  public Condition {
    groups = groups == null ? null : List.copyOf(groups);
    tenant = tenant == null ? null : List.copyOf(tenant);
  }
}
