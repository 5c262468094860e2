package io.cordon.playbook.service;

/** Where in the playbook document the validator is, and which step that is in. */
record Location(String path, String stepId) {

  static final Location ROOT = new Location("", null);

  Location field(String name) {
    return new Location(path.isEmpty() ? name : path + "." + name, stepId);
  }

  Location index(int index) {
    return new Location(path + "[" + index + "]", stepId);
  }

  Location inStep(String id) {
    return new Location(path, id);
  }

  String field() {
    return path.isEmpty() ? "body" : path;
  }
}
