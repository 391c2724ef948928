package dev.dtrust.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RateShareTest {

  @Test
  void theClusterLimitIsDividedAmongTheTasksRunningAtOnceRoundedDown() {
    assertEquals(new RateShare(150, 22_500), RateShare.divide(600, 90_000, 4));
    // rounded down: 3 × 200 = 600 ≤ 601, never more than the endpoint allows
    assertEquals(new RateShare(200, 33_333), RateShare.divide(601, 100_000, 3));
    assertEquals(new RateShare(600, 90_000), RateShare.divide(600, 90_000, 1));
    assertEquals(new RateShare(0, 1_000), RateShare.divide(0, 8_000, 8), "0 stays 'no limit'");
    assertEquals(RateShare.UNLIMITED, RateShare.divide(0, 0, 64));
    assertFalse(RateShare.UNLIMITED.limits());
  }

  @Test
  void tasksRunningAtOnceAreTheShardsAtMostTheSlots() {
    assertEquals(8, RateShare.concurrentTasks(64, 8));
    assertEquals(3, RateShare.concurrentTasks(3, 8));
    assertEquals(1, RateShare.concurrentTasks(0, 8));
  }

  @Test
  void aLimitSmallerThanTheTasksIsRefusedNotTurnedIntoNoLimit() {
    IllegalArgumentException rpm = assertThrows(IllegalArgumentException.class, () -> RateShare.divide(3, 0, 4));
    assertEquals("a limit of 3 requests per minute cannot be shared by 4 tasks running at once (each needs at least 1);"
        + " use fewer shards or a higher limit", rpm.getMessage());
    IllegalArgumentException tpm = assertThrows(IllegalArgumentException.class, () -> RateShare.divide(0, 7, 8));
    assertEquals("a limit of 7 tokens per minute cannot be shared by 8 tasks running at once (each needs at least 1);"
        + " use fewer shards or a higher limit", tpm.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new RateShare(-1, 0));
  }

  @Test
  void aFactoryCarriesItsShareAsClientOptions() {
    ModelClientFactory f = ModelClientFactory.of("openai:m", Map.of("baseUrl", "http://h/v1"));
    assertEquals(Map.of("baseUrl", "http://h/v1", "requestsPerMinute", "150", "tokensPerMinute", "22500"),
        f.withRateShare(new RateShare(150, 22_500)).options());
    assertEquals(Map.of("baseUrl", "http://h/v1"), f.options(), "the original factory is unchanged");
  }
}
