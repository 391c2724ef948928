package dev.dtrust.spark;

import java.io.Serializable;

/**
 * One task's share of a cluster-wide rate limit. Every task builds its own client and so its own
 * rate governor; for the cluster to stay under the endpoint's limit, each of the tasks that run at
 * once gets the limit divided by their number (rounded down, so the shares never add up to more).
 *
 * @param requestsPerMinute requests per minute for one task (0: no limit)
 * @param tokensPerMinute   tokens per minute for one task (0: no limit)
 */
public record RateShare(int requestsPerMinute, long tokensPerMinute) implements Serializable {
  /** No limit. */
  public static final RateShare UNLIMITED = new RateShare(0, 0);

  /** Checks that the limits are not negative. */
  public RateShare {
    if (requestsPerMinute < 0 || tokensPerMinute < 0) {
      throw new IllegalArgumentException("rate limits must be >= 0 (0: no limit), were requestsPerMinute="
          + requestsPerMinute + " tokensPerMinute=" + tokensPerMinute);
    }
  }

  /** Whether this share limits anything. */
  public boolean limits() {
    return requestsPerMinute > 0 || tokensPerMinute > 0;
  }

  /**
   * Divides a cluster-wide limit among the tasks that run at once.
   *
   * @param requestsPerMinute the cluster-wide requests per minute (0: no limit)
   * @param tokensPerMinute   the cluster-wide tokens per minute (0: no limit)
   * @param concurrentTasks   how many tasks run at once (≥ 1)
   * @throws IllegalArgumentException if a limit is smaller than the number of tasks, so a task's
   *     share would be 0, which means no limit
   */
  public static RateShare divide(int requestsPerMinute, long tokensPerMinute, int concurrentTasks) {
    if (concurrentTasks < 1) {
      throw new IllegalArgumentException("concurrentTasks must be >= 1, was " + concurrentTasks);
    }
    RateShare cluster = new RateShare(requestsPerMinute, tokensPerMinute);
    if (requestsPerMinute > 0 && requestsPerMinute < concurrentTasks) {
      throw new IllegalArgumentException("a limit of " + requestsPerMinute + " requests per minute cannot be shared by "
          + concurrentTasks + " tasks running at once (each needs at least 1); use fewer shards or a higher limit");
    }
    if (tokensPerMinute > 0 && tokensPerMinute < concurrentTasks) {
      throw new IllegalArgumentException("a limit of " + tokensPerMinute + " tokens per minute cannot be shared by "
          + concurrentTasks + " tasks running at once (each needs at least 1); use fewer shards or a higher limit");
    }
    return new RateShare(cluster.requestsPerMinute / concurrentTasks, cluster.tokensPerMinute / concurrentTasks);
  }

  /** How many of a job's tasks run at once: its shards, at most the cluster's task slots. */
  static int concurrentTasks(int shards, int slots) {
    return Math.max(1, Math.min(shards, slots));
  }
}
