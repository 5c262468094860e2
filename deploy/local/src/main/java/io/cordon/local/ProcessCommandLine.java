package io.cordon.local;

import java.util.List;

/**
 * Whether a process is one of the stack's, told by its command line: a pid kept in a file may have
 * been reused by an unrelated program since it was written.
 */
final class ProcessCommandLine {
  private ProcessCommandLine() {}

  /** True when the process's command line contains {@code text} (a path of the stack's own). */
  static boolean mentions(ProcessHandle process, String text) {
    ProcessHandle.Info info = process.info();
    if (info.commandLine().map(line -> line.contains(text)).orElse(false)) {
      return true;
    }
    // the JDK may know a process's arguments but not its whole command line (the executable's
    // path unreadable): look at the arguments too
    return info.arguments().map(List::of).orElse(List.of()).stream()
        .anyMatch(argument -> argument.contains(text));
  }
}
