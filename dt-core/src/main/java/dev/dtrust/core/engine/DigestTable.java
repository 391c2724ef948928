package dev.dtrust.core.engine;

import java.util.Arrays;

/**
 * A map from SHA-256 digests (32 bytes) to non-negative ints, kept in flat arrays: 36 bytes per
 * slot, at most two thirds full, and no object per entry, where a {@code HashMap<String, …>} keyed
 * by the hex string costs ~200 bytes an entry and one keyed by the hashed text costs the text. The engine's occurrence counts, the response cache's
 * index and the replay index are all keyed by digests, and a full plan has ~600,000 of them.
 * Not thread-safe.
 */
public final class DigestTable {
  /** What {@link #get} returns for an absent digest. */
  public static final int ABSENT = -1;

  private long[] keys;
  private int[] values;
  private int size;
  private int mask;

  /** An empty table. */
  public DigestTable() {
    allocate(64);
  }

  private void allocate(int capacity) {
    keys = new long[capacity * 4];
    values = new int[capacity];
    Arrays.fill(values, ABSENT);
    mask = capacity - 1;
  }

  /** Entries in the table. */
  public int size() {
    return size;
  }

  /** The value of a digest, or {@link #ABSENT}. */
  public int get(byte[] digest) {
    long a = word(digest, 0);
    long b = word(digest, 8);
    long c = word(digest, 16);
    long d = word(digest, 24);
    int slot = find(a, b, c, d);
    return values[slot];
  }

  /** Sets the value of a digest ({@code value ≥ 0}) and returns the previous one, or {@link #ABSENT}. */
  public int put(byte[] digest, int value) {
    if (value < 0) {
      throw new IllegalArgumentException("values are non-negative, was " + value);
    }
    long a = word(digest, 0);
    long b = word(digest, 8);
    long c = word(digest, 16);
    long d = word(digest, 24);
    int slot = find(a, b, c, d);
    int previous = values[slot];
    if (previous == ABSENT) {
      keys[4 * slot] = a;
      keys[4 * slot + 1] = b;
      keys[4 * slot + 2] = c;
      keys[4 * slot + 3] = d;
      size++;
    }
    values[slot] = value;
    if (previous == ABSENT && size * 3 > values.length * 2) {
      grow();
    }
    return previous;
  }

  /** Adds one to a digest's count (absent counts as 0) and returns the count before. */
  public int increment(byte[] digest) {
    int before = get(digest);
    put(digest, before == ABSENT ? 1 : before + 1);
    return before == ABSENT ? 0 : before;
  }

  /** The slot holding the digest, or the empty slot where it belongs (linear probing). */
  private int find(long a, long b, long c, long d) {
    // the digest is uniformly distributed already: its first word is a good hash
    int slot = (int) (a ^ (a >>> 32)) & mask;
    while (values[slot] != ABSENT) {
      int k = 4 * slot;
      if (keys[k] == a && keys[k + 1] == b && keys[k + 2] == c && keys[k + 3] == d) {
        return slot;
      }
      slot = (slot + 1) & mask;
    }
    return slot;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    allocate(oldValues.length * 2);
    for (int s = 0; s < oldValues.length; s++) {
      if (oldValues[s] != ABSENT) {
        int k = 4 * s;
        int slot = find(oldKeys[k], oldKeys[k + 1], oldKeys[k + 2], oldKeys[k + 3]);
        System.arraycopy(oldKeys, k, keys, 4 * slot, 4);
        values[slot] = oldValues[s];
      }
    }
  }

  private static long word(byte[] digest, int from) {
    if (digest.length != 32) {
      throw new IllegalArgumentException("a SHA-256 digest has 32 bytes, this has " + digest.length);
    }
    long w = 0;
    for (int i = from; i < from + 8; i++) {
      w = (w << 8) | (digest[i] & 0xff);
    }
    return w;
  }

  /** The 32 bytes of a lowercase or uppercase hex SHA-256 (a {@link ProbeKey}). */
  public static byte[] fromHex(String hex) {
    if (hex.length() != 64) {
      throw new IllegalArgumentException("a SHA-256 hex has 64 characters, this has " + hex.length());
    }
    byte[] out = new byte[32];
    for (int i = 0; i < 32; i++) {
      out[i] = (byte) ((Character.digit(hex.charAt(2 * i), 16) << 4) | Character.digit(hex.charAt(2 * i + 1), 16));
    }
    return out;
  }
}
