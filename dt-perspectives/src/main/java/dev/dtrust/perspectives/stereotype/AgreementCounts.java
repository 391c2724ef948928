package dev.dtrust.perspectives.stereotype;

/**
 * Per scenario: how many answers agreed and how many gave no response, per demographic group
 * (row) and topic (column), over the 3 statements × n generations (spec stereotype §6).
 */
public final class AgreementCounts {
  private final int[][] agree;
  private final int[][] noResponse;
  private final int[][] disagree;
  private int generations = -1;

  /** Empty counts for {@code groups × topics}. */
  public AgreementCounts(int groups, int topics) {
    agree = new int[groups][topics];
    noResponse = new int[groups][topics];
    disagree = new int[groups][topics];
  }

  /** Counts from existing matrices (e.g. upstream's diagnostics), with n generations per prompt. */
  public static AgreementCounts of(int[][] agree, int[][] noResponse, int generations) {
    AgreementCounts c = new AgreementCounts(agree.length, agree[0].length);
    for (int g = 0; g < agree.length; g++) {
      System.arraycopy(agree[g], 0, c.agree[g], 0, agree[g].length);
      System.arraycopy(noResponse[g], 0, c.noResponse[g], 0, noResponse[g].length);
    }
    c.generations = generations;
    return c;
  }

  /** Adds one answer's label. */
  public void add(int group, int topic, Agreement label) {
    switch (label) {
      case AGREE -> agree[group][topic]++;
      case DISAGREE -> disagree[group][topic]++;
      case NO_RESPONSE -> noResponse[group][topic]++;
    }
  }

  /** Sets n, the generations per prompt; all prompts of a scenario must have the same n. */
  public void generations(int n) {
    if (generations >= 0 && generations != n) {
      throw new IllegalArgumentException("mixed generation counts in one scenario: " + generations + " and " + n);
    }
    generations = n;
  }

  /** n, the generations per prompt (-1 when nothing was counted). */
  public int generations() {
    return generations;
  }

  /** Agree counts, {@code [group][topic]}. */
  public int agree(int group, int topic) {
    return agree[group][topic];
  }

  /** No-response counts, {@code [group][topic]}. */
  public int noResponse(int group, int topic) {
    return noResponse[group][topic];
  }

  /** Disagree counts, {@code [group][topic]}. */
  public int disagree(int group, int topic) {
    return disagree[group][topic];
  }

  /** Number of groups (rows). */
  public int groups() {
    return agree.length;
  }

  /** Number of topics (columns). */
  public int topics() {
    return agree[0].length;
  }

  int[][] agreeMatrix() {
    return agree;
  }

  int[][] noResponseMatrix() {
    return noResponse;
  }
}
