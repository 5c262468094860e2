package io.cordon.playbook.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A playbook as code: named, versioned steps run for every account of a compromise report (or once
 * per run). The field-by-field reference is docs/playbooks.md; the editor schema is {@code
 * contracts/src/main/resources/schemas/playbook.v1.schema.json}.
 *
 * @param version assigned by the service when the content is stored; null before that
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties({"$schema"})
public record Playbook(String name, String description, Integer version, List<Step> steps) {

  public Playbook {
    steps = steps == null ? List.of() : List.copyOf(steps);
  }

  public Playbook withVersion(Integer newVersion) {
    return new Playbook(name, description, newVersion, steps);
  }
}
