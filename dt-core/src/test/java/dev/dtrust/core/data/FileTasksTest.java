package dev.dtrust.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FileTasksTest {
  @Test
  void resultsComeBackInInputOrder() throws IOException {
    List<Integer> in = IntStream.range(0, 200).boxed().toList();
    List<Integer> out = FileTasks.map(in, i -> {
      spin();
      return i * i;
    });
    assertEquals(in.stream().map(i -> i * i).toList(), out);
  }

  @Test
  void theEarliestInputsFailureIsThrownUnchanged() {
    DataException[] thrown = new DataException[200];
    for (int k = 0; k < 20; k++) {
      DataException e = assertThrows(DataException.class, () -> FileTasks.map(
          IntStream.range(0, 200).boxed().toList(),
          i -> {
            spin();
            if (i == 37 || i == 38 || i == 150) {
              thrown[i] = new DataException("f" + i + ".csv", i, null, "bad");
              throw thrown[i];
            }
            return i;
          }));
      assertSame(thrown[37], e); // the same object a sequential loop would throw, not a wrapper
    }
  }

  @Test
  void checkedIoExceptionsPassThrough() {
    IOException io = new IOException("disk");
    assertSame(io, assertThrows(IOException.class, () -> FileTasks.map(List.of(1, 2), i -> {
      throw io;
    })));
  }

  private static void spin() {
    long until = System.nanoTime() + ThreadLocalRandom.current().nextInt(20_000);
    while (System.nanoTime() < until) {
      Thread.onSpinWait();
    }
  }
}
