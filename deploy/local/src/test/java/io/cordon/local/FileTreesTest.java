package io.cordon.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTreesTest {
  @TempDir Path scratch;

  @Test
  void twoDeletesOfTheSameTreeAtOnceBothEndWithoutAnError() throws Exception {
    ExecutorService deleters = Executors.newFixedThreadPool(2);
    try {
      // a walk that meets what the other one removed fails on most rounds without the tolerance
      for (int round = 0; round < 20; round++) {
        Path tree = tree(scratch.resolve("round-" + round), 8, 40);
        CyclicBarrier together = new CyclicBarrier(2);
        Callable<Void> delete =
            () -> {
              together.await();
              FileTrees.delete(tree);
              return null;
            };
        List<Future<Void>> both = new ArrayList<>(List.of(deleters.submit(delete)));
        both.add(deleters.submit(delete));
        for (Future<Void> each : both) {
          each.get();
        }
        assertThat(tree).doesNotExist();
      }
    } finally {
      deleters.shutdownNow();
    }
  }

  @Test
  void aTreeThatIsNotThereIsNothingToDo() throws IOException {
    FileTrees.delete(scratch.resolve("never-made"));

    assertThat(scratch).isEmptyDirectory();
  }

  private static Path tree(Path root, int directories, int filesEach) throws IOException {
    for (int d = 0; d < directories; d++) {
      Path directory = Files.createDirectories(root.resolve("d" + d).resolve("inner"));
      for (int f = 0; f < filesEach; f++) {
        Files.writeString(directory.resolve("f" + f), "x");
      }
    }
    return root;
  }
}
