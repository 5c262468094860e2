package io.cordon.cli.client;

/** A service answered with an error; the problem says what it said. */
public final class ApiException extends RuntimeException {
  private final transient ApiProblem problem;
  private final Service service;

  public ApiException(Service service, ApiProblem problem) {
    super(service.displayName() + " answered " + problem.status() + ": " + problem.title());
    this.service = service;
    this.problem = problem;
  }

  public ApiProblem problem() {
    return problem;
  }

  public Service service() {
    return service;
  }

  public int status() {
    return problem.status();
  }
}
