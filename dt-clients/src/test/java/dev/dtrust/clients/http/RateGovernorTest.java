package dev.dtrust.clients.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateGovernorTest {
  final AtomicLong now = new AtomicLong();
  final List<Duration> sleeps = new ArrayList<>();
  final RateGovernor.Sleeper fakeSleep = d -> {
    sleeps.add(d);
    now.addAndGet(d.toNanos());
  };

  @Test
  void requestsPerMinuteWaitForTheOldestToLeaveTheWindow() throws Exception {
    RateGovernor g = RateGovernor.perMinute(2, 0, now::get, fakeSleep);
    g.acquire(0);
    now.addAndGet(Duration.ofSeconds(10).toNanos());
    g.acquire(0);
    assertTrue(sleeps.isEmpty());
    g.acquire(0);
    assertEquals(List.of(Duration.ofSeconds(50)), sleeps, "the first request leaves the window at t=60s");
  }

  @Test
  void tokensPerMinuteUseTheSettledUsage() throws Exception {
    RateGovernor g = RateGovernor.perMinute(0, 1000, now::get, fakeSleep);
    RateGovernor.Permit p = g.acquire(900);
    g.settle(p, 100); // the estimate was pessimistic
    g.acquire(800);
    assertTrue(sleeps.isEmpty(), "100 + 800 fits in 1000");
    g.acquire(200);
    assertEquals(1, sleeps.size(), "1100 does not");
  }

  @Test
  void oneClientSharesItsGovernorWithAJudgeOnTheSameEndpoint() throws Exception {
    RateGovernor shared = RateGovernor.perMinute(3, 0, now::get, fakeSleep);
    // model under test and judge both book on the same instance
    shared.acquire(0);
    shared.acquire(0);
    shared.acquire(0);
    shared.acquire(0);
    assertEquals(1, sleeps.size());
  }

  @Test
  void aRequestLargerThanTheTokenLimitRunsAloneInsteadOfBlockingForever() throws Exception {
    RateGovernor g = RateGovernor.perMinute(0, 100, now::get, fakeSleep);
    g.acquire(5000);
    assertTrue(sleeps.isEmpty());
  }

  @Test
  void negativeLimitsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> RateGovernor.perMinute(-1, 0));
    assertTrue(!RateGovernor.UNLIMITED.limits());
  }
}
