package dev.dtrust.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dtrust.core.testing.SharedData;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyReaderTest {

  /** Builds a version 1.0 .npy file with a header padded to a multiple of 64 bytes, as NumPy writes. */
  static byte[] npy(String header, byte[] body) {
    String h = header;
    int total = 10 + h.length() + 1;
    int pad = (64 - total % 64) % 64;
    h = h + " ".repeat(pad) + "\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
    out.write(h.length() & 0xff);
    out.write(h.length() >> 8);
    out.writeBytes(h.getBytes(StandardCharsets.ISO_8859_1));
    out.writeBytes(body);
    return out.toByteArray();
  }

  static byte[] longs(long... v) {
    ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
    for (long x : v) {
      b.putLong(x);
    }
    return b.array();
  }

  @Test
  void readsInt64() {
    NpyArray a = NpyReader.read(npy("{'descr': '<i8', 'fortran_order': False, 'shape': (3,), }", longs(0, 1, -5)), "x.npy");
    assertTrue(a.isIntegers());
    assertEquals(3, a.length());
    assertEquals(-5, a.longAt(2));
    assertEquals(1L, a.get(1));
  }

  @Test
  void readsUnicodeDroppingTrailingNuls() {
    ByteBuffer b = ByteBuffer.allocate(2 * 6 * 4).order(ByteOrder.LITTLE_ENDIAN);
    for (String s : new String[] {"Male", "Female"}) {
      for (int k = 0; k < 6; k++) {
        b.putInt(k < s.length() ? s.charAt(k) : 0);
      }
    }
    NpyArray a = NpyReader.read(npy("{'descr': '<U6', 'fortran_order': False, 'shape': (2,), }", b.array()), "s.npy");
    assertTrue(a.isStrings());
    assertEquals("Male", a.stringAt(0));
    assertEquals("Female", a.stringAt(1));
    DataException e = assertThrows(DataException.class, () -> a.longAt(0));
    assertEquals("s.npy", e.file());
  }

  @Test
  void rejectsWhatTheDataDoesNotUseNamingTheFile() {
    assertEquals("descr", assertThrows(DataException.class, () -> NpyReader.read(
        npy("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), }", longs(0)), "f.npy")).field());
    assertEquals("shape", assertThrows(DataException.class, () -> NpyReader.read(
        npy("{'descr': '<i8', 'fortran_order': False, 'shape': (1, 1), }", longs(0)), "m.npy")).field());
    DataException truncated = assertThrows(DataException.class, () -> NpyReader.read(
        npy("{'descr': '<i8', 'fortran_order': False, 'shape': (2,), }", longs(0)), "t.npy"));
    assertEquals("t.npy", truncated.file());
    assertTrue(truncated.getMessage().startsWith("t.npy: "));
    assertThrows(DataException.class, () -> NpyReader.read("not numpy".getBytes(StandardCharsets.UTF_8), "n.npy"));
  }

  @Test
  void missingFileNamesIt(@TempDir Path dir) {
    DataRoot root = DataRoot.of(dir);
    DataException e = assertThrows(DataException.class, () -> NpyReader.read(root, "a/b.npy"));
    assertTrue(e.getMessage().contains("a/b.npy"), e.getMessage());
  }

  /** fairness.md §11.13: header length 118, data at 128; the shipped arrays' contents. */
  @Test
  void sharedFairnessArrays() throws Exception {
    Path root = SharedData.root();
    String dir = "fairness/fairness_data/";
    byte[] raw = Files.readAllBytes(root.resolve(dir + "sensitive_attr_adult_0_200_test_base_rate_0.0.npy"));
    assertEquals(118, (raw[8] & 0xff) | (raw[9] & 0xff) << 8);
    assertEquals('\n', raw[127]);
    assertEquals(4928, raw.length);
    DataRoot dr = DataRoot.of(root);
    NpyArray sex = NpyReader.read(dr, dir + "sensitive_attr_adult_0_200_test_base_rate_0.0.npy");
    assertEquals("<U6", sex.descr());
    assertEquals(200, sex.length());
    assertEquals(100, sex.strings().stream().filter("Male"::equals).count());
    assertEquals(100, sex.strings().stream().filter("Female"::equals).count());
    NpyArray crime = NpyReader.read(dr, dir + "gt_labels_crime_0_300_test_base_rate_0.0.npy");
    assertEquals("<i8", crime.descr());
    assertFalse(crime.isStrings());
    long ones = 0;
    long zeros = 0;
    for (long v : crime.longs()) {
      if (v == 1) {
        ones++;
      } else if (v == 0) {
        zeros++;
      }
    }
    assertEquals(180, ones);
    assertEquals(120, zeros);
    assertTrue(dr.filesRead().contains(dir + "gt_labels_crime_0_300_test_base_rate_0.0.npy"));
  }
}
