package dev.dtrust.core.data;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A one-dimensional NumPy array read by {@link NpyReader}: either 64-bit integers ({@code <i8})
 * or fixed-width Unicode strings ({@code <U<n>}, trailing NULs dropped as NumPy drops them).
 */
public final class NpyArray {
  private final String file;
  private final String descr;
  private final int length;
  private final long @Nullable [] longs;
  private final String @Nullable [] strings;

  private NpyArray(String file, String descr, int length, long @Nullable [] longs, String @Nullable [] strings) {
    this.file = file;
    this.descr = descr;
    this.length = length;
    this.longs = longs;
    this.strings = strings;
  }

  static NpyArray ofLongs(String file, String descr, long[] values) {
    return new NpyArray(file, descr, values.length, values, null);
  }

  static NpyArray ofStrings(String file, String descr, String[] values) {
    return new NpyArray(file, descr, values.length, null, values);
  }

  /** The file the array came from, as errors name it. */
  public String file() {
    return file;
  }

  /** The NumPy dtype descriptor, e.g. {@code <i8} or {@code <U6}. */
  public String descr() {
    return descr;
  }

  /** The number of elements (the array is one-dimensional). */
  public int length() {
    return length;
  }

  /** Whether the elements are integers. */
  public boolean isIntegers() {
    return longs != null;
  }

  /** Whether the elements are strings. */
  public boolean isStrings() {
    return strings != null;
  }

  /** An integer element; a {@link DataException} when the array holds strings. */
  public long longAt(int i) {
    Objects.checkIndex(i, length);
    if (longs == null) {
      throw new DataException(file, 0, "descr", "expected an integer array, found " + descr);
    }
    return longs[i];
  }

  /** A string element (trailing NULs dropped); a {@link DataException} when the array holds integers. */
  public String stringAt(int i) {
    Objects.checkIndex(i, length);
    if (strings == null) {
      throw new DataException(file, 0, "descr", "expected a string array, found " + descr);
    }
    return strings[i];
  }

  /** An element as a Java value: {@code Long} or {@code String}. */
  public Object get(int i) {
    Objects.checkIndex(i, length);
    return longs != null ? (Object) longs[i] : strings[i];
  }

  /** The integer elements (a copy); a {@link DataException} when the array holds strings. */
  public long[] longs() {
    if (longs == null) {
      throw new DataException(file, 0, "descr", "expected an integer array, found " + descr);
    }
    return longs.clone();
  }

  /** The string elements; a {@link DataException} when the array holds integers. */
  public List<String> strings() {
    if (strings == null) {
      throw new DataException(file, 0, "descr", "expected a string array, found " + descr);
    }
    return List.of(strings);
  }

  @Override
  public String toString() {
    return "NpyArray[" + file + ", " + descr + ", (" + length + ",), "
        + (longs != null ? Arrays.toString(Arrays.copyOf(longs, Math.min(length, 8)))
            : Arrays.toString(Arrays.copyOf(strings, Math.min(length, 8))))
        + (length > 8 ? "…" : "") + "]";
  }
}
