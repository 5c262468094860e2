package io.cordon.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.cli.client.ApiProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorLineTest {
  @Test
  void aProblemIsOneLineWithTitleDetailAndTheFieldsNamed() {
    ApiProblem problem =
        new ApiProblem(
            "urn:cordon:problem:validation-failed",
            "Request validation failed",
            400,
            "incident.id: must not be blank\nand more",
            "/api/v1/compromise-reports",
            List.of(
                new ApiProblem.FieldError("incident.id", "must not be blank"),
                new ApiProblem.FieldError("accounts[3]", "not a UPN")));

    assertThat(ErrorLine.of(problem))
        .isEqualTo(
            "error: Request validation failed: incident.id: must not be blank and more"
                + " (field incident.id, accounts[3])");
  }

  @Test
  void withoutDetailOrFieldsOnlyTheTitleIsShown() {
    ApiProblem problem = new ApiProblem(null, "HTTP 502", 502, null, null, List.of());

    assertThat(ErrorLine.of(problem)).isEqualTo("error: HTTP 502");
  }
}
