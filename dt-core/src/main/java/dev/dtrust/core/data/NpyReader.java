package dev.dtrust.core.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads NumPy {@code .npy} files (format versions 1.0 and 2.0) holding one-dimensional arrays of
 * little-endian 64-bit integers ({@code <i8}) or little-endian fixed-width Unicode strings ({@code
 * <U<n>}, UTF-32LE code units, trailing NULs dropped as NumPy does). Anything else — another
 * dtype, more dimensions, a truncated body — is a {@link DataException} naming the file and what
 * was found.
 */
public final class NpyReader {
  private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
  private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
  private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
  private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");
  private static final Pattern UNICODE = Pattern.compile("<U(\\d+)");

  private NpyReader() {}

  /** Reads a root-relative {@code .npy} file of a data root. */
  public static NpyArray read(DataRoot root, String relative) {
    return read(root.bytes(relative), root.name(relative));
  }

  /**
   * Parses the bytes of a {@code .npy} file.
   *
   * @param bytes the whole file
   * @param file  the file's name for errors
   */
  public static NpyArray read(byte[] bytes, String file) {
    if (bytes.length < 10) {
      throw new DataException(file, 0, null, "not a .npy file: " + bytes.length + " bytes");
    }
    for (int i = 0; i < MAGIC.length; i++) {
      if (bytes[i] != MAGIC[i]) {
        throw new DataException(file, 0, null, "not a .npy file: missing the \\x93NUMPY magic");
      }
    }
    int major = bytes[6] & 0xff;
    ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int headerLength;
    int headerStart;
    if (major == 1) {
      headerLength = buf.getShort(8) & 0xffff;
      headerStart = 10;
    } else if (major == 2 || major == 3) {
      if (bytes.length < 12) {
        throw new DataException(file, 0, null, "truncated .npy header");
      }
      long len = buf.getInt(8) & 0xffffffffL;
      if (len > Integer.MAX_VALUE) {
        throw new DataException(file, 0, null, "unsupported .npy header length " + len);
      }
      headerLength = (int) len;
      headerStart = 12;
    } else {
      throw new DataException(file, 0, null, "unsupported .npy format version " + major + "." + (bytes[7] & 0xff));
    }
    int dataOffset = headerStart + headerLength;
    if (dataOffset > bytes.length) {
      throw new DataException(file, 0, null, "truncated .npy header: needs " + dataOffset + " bytes, file has " + bytes.length);
    }
    String header =
        new String(bytes, headerStart, headerLength, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    String descr = group(DESCR, header, file, "descr");
    // fortran_order does not matter for one dimension; a header without it is still malformed.
    group(FORTRAN, header, file, "fortran_order");
    String shapeText = group(SHAPE, header, file, "shape").trim();
    String[] dims = shapeText.isEmpty() ? new String[0] : shapeText.split("\\s*,\\s*");
    if (dims.length != 1 || dims[0].isEmpty()) {
      throw new DataException(file, 0, "shape", "expected a one-dimensional array, found (" + shapeText + ")");
    }
    long n;
    try {
      n = Long.parseLong(dims[0].trim());
    } catch (NumberFormatException e) {
      throw new DataException(file, 0, "shape", "expected an integer length, found (" + shapeText + ")");
    }
    if (n < 0 || n > Integer.MAX_VALUE) {
      throw new DataException(file, 0, "shape", "unsupported length " + n);
    }
    int length = (int) n;
    if (descr.equals("<i8")) {
      checkBody(bytes, dataOffset, (long) length * 8, file, descr, length);
      long[] values = new long[length];
      for (int i = 0; i < length; i++) {
        values[i] = buf.getLong(dataOffset + 8 * i);
      }
      return NpyArray.ofLongs(file, descr, values);
    }
    Matcher u = UNICODE.matcher(descr);
    if (u.matches()) {
      int width = Integer.parseInt(u.group(1));
      long itemBytes = 4L * width;
      checkBody(bytes, dataOffset, itemBytes * length, file, descr, length);
      String[] values = new String[length];
      StringBuilder sb = new StringBuilder(width);
      for (int i = 0; i < length; i++) {
        sb.setLength(0);
        int base = dataOffset + (int) (itemBytes * i);
        int end = width;
        // NumPy drops trailing NUL code points when it hands out an element.
        while (end > 0 && buf.getInt(base + 4 * (end - 1)) == 0) {
          end--;
        }
        for (int k = 0; k < end; k++) {
          int cp = buf.getInt(base + 4 * k);
          if (!Character.isValidCodePoint(cp)) {
            throw new DataException(file, 0, "[" + i + "]", "invalid code point " + Integer.toHexString(cp));
          }
          sb.appendCodePoint(cp);
        }
        values[i] = sb.toString();
      }
      return NpyArray.ofStrings(file, descr, values);
    }
    throw new DataException(file, 0, "descr", "unsupported dtype '" + descr + "': expected '<i8' or '<U<n>'");
  }

  private static void checkBody(byte[] bytes, int offset, long needed, String file, String descr, int length) {
    long have = bytes.length - (long) offset;
    if (have < needed) {
      throw new DataException(
          file, 0, null, "truncated .npy body: " + descr + " × " + length + " needs " + needed + " bytes after the header, found " + have);
    }
  }

  private static String group(Pattern p, String header, String file, String field) {
    Matcher m = p.matcher(header);
    if (!m.find()) {
      throw new DataException(file, 0, field, "missing from the .npy header " + header.trim());
    }
    return m.group(1);
  }
}
