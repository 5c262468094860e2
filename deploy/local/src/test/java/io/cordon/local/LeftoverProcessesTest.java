package io.cordon.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a start does with the processes a killed launcher left: it ends those whose command line
 * names its work directory, and only those (a recorded pid may belong to another program by now).
 */
class LeftoverProcessesTest {
  @TempDir Path workDirectory;
  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void endWhatIsLeft() {
    started.forEach(Process::destroyForcibly);
  }

  @Test
  void recordedProcessesOfThisWorkDirectoryAreKilledAndAwaited() throws Exception {
    Process ours = sleeperNaming(workDirectory.resolve("tls/keystore.p12").toString());
    Process unrelated = sleeperNaming("/somewhere/else");
    StalePids pids = new StalePids(workDirectory.resolve("pids"), workDirectory);
    pids.record("account-service", ours.pid());
    pids.record("playbook-service", unrelated.pid());
    List<String> log = new ArrayList<>();

    pids.killLeftovers(log::add);

    assertThat(ours.isAlive()).isFalse();
    assertThat(unrelated.isAlive()).isTrue();
    assertThat(log)
        .containsExactly(
            "Stopping account-service (pid " + ours.pid() + ") left by an earlier run");
    assertThat(workDirectory.resolve("pids")).doesNotExist();
  }

  @Test
  void thePostmasterOfThisDataDirectoryIsFoundThroughItsPidFileAndStopped() throws Exception {
    Path dataDirectory = Files.createDirectories(workDirectory.resolve("postgres"));
    Process server = sleeperNaming(dataDirectory.toString());
    Files.writeString(dataDirectory.resolve("postmaster.pid"), server.pid() + "\n" + dataDirectory);
    Postmaster postmaster = new Postmaster(dataDirectory);

    assertThat(postmaster.running()).map(ProcessHandle::pid).contains(server.pid());
    assertThat(postmaster.stop(Duration.ofSeconds(5))).contains(server.pid());
    assertThat(server.isAlive()).isFalse();
    assertThat(postmaster.running()).isEmpty();
  }

  @Test
  void aPidFileWhosePidNowBelongsToAnotherProgramIsLeftAlone() throws Exception {
    Path dataDirectory = Files.createDirectories(workDirectory.resolve("postgres"));
    Process other = sleeperNaming("/var/lib/postgresql");
    Files.writeString(dataDirectory.resolve("postmaster.pid"), other.pid() + "\n");

    assertThat(new Postmaster(dataDirectory).stop(Duration.ofSeconds(1))).isEmpty();
    assertThat(other.isAlive()).isTrue();
  }

  // a process whose command line carries `text`, as a service's carries its -D paths; `read` is
  // a bash builtin, so bash itself waits (on its stdin, a pipe that stays open) and starts nothing
  private Process sleeperNaming(String text) throws IOException {
    Process process = new ProcessBuilder("bash", "-c", "read -t 60", text).start();
    started.add(process);
    return process;
  }
}
