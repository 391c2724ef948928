package dev.dtrust.core.python;

import java.util.Locale;

/**
 * Python 3.11 {@code str} operations whose Java look-alikes differ: {@code lower()} (Java's final-sigma rule and
 * Unicode version differ) and {@code repr()} (quote choice, escapes, printable test).
 */
public final class PythonStrings {

    private static final int CAPITAL_SIGMA = 0x03A3;
    private static final int SMALL_SIGMA = 0x03C3;
    private static final int FINAL_SIGMA = 0x03C2;
    private static final int CAPITAL_I_WITH_DOT = 0x0130;
    private static final int KELVIN_SIGN = 0x212A;

    private PythonStrings() {
    }

    /**
     * Whether Python's {@code str.lower} maps a non-ASCII character to text containing an ASCII
     * character: only U+0130 (to "i" + U+0307) and U+212A KELVIN SIGN (to "k"). Every other
     * non-ASCII character lower-cases to non-ASCII characters only.
     */
    public static boolean lowersToAscii(char c) {
        return c == CAPITAL_I_WITH_DOT || c == KELVIN_SIGN;
    }

    /**
     * Python {@code str.lower()}: full Unicode 14 lower-case mapping, locale-independent, with CPython's final-sigma
     * rule ({@code Σ} becomes {@code ς} when preceded by a cased letter and not followed by one, skipping
     * case-ignorable characters).
     *
     * <p>{@code s.toLowerCase(Locale.ROOT)} differs: Java decides final sigma with word boundaries
     * ({@code "σ1Σ"}: Python {@code σ1σ}, Java {@code σ1ς}) and knows only Unicode 13.
     *
     * @param s the text (lone surrogates are kept)
     * @return the lower-cased text, possibly longer than s ({@code İ} becomes {@code i̇})
     */
    public static String lower(String s) {
        int len = s.length();
        int firstNonAscii = 0;
        while (firstNonAscii < len && s.charAt(firstNonAscii) < 0x80) {
            firstNonAscii++;
        }
        if (firstNonAscii == len) {
            return s.toLowerCase(Locale.ROOT); // ASCII only: Java and Python both map just A-Z
        }
        StringBuilder sb = null;
        for (int i = 0; i < len; ) {
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            if (cp < 0x80) {
                if (cp >= 'A' && cp <= 'Z') {
                    sb = ensure(sb, s, i);
                    sb.append((char) (cp + 32));
                } else if (sb != null) {
                    sb.append((char) cp);
                }
            } else if (cp == CAPITAL_I_WITH_DOT) {
                sb = ensure(sb, s, i);
                sb.append("i\u0307"); // the only unconditional one-to-many lower-case mapping
            } else if (cp == CAPITAL_SIGMA) {
                sb = ensure(sb, s, i);
                sb.appendCodePoint(isFinalSigma(s, i) ? FINAL_SIGMA : SMALL_SIGMA);
            } else {
                int delta = Unicode14Delta.toLowerCase(cp);
                int lower = delta >= 0 ? delta : Character.toLowerCase(cp);
                if (lower != cp) {
                    sb = ensure(sb, s, i);
                }
                if (sb != null) {
                    sb.appendCodePoint(lower);
                }
            }
            i += n;
        }
        return sb == null ? s : sb.toString();
    }

    /**
     * Python {@code repr(s)} of a str: single quotes unless the text contains {@code '} and no {@code "}; escapes
     * {@code \\}, the chosen quote, {@code \t \n \r}, other ASCII controls and U+007F as {@code \xhh}, and every
     * non-ASCII character that Python does not consider printable as {@code \xhh}, <code>&#92;uhhhh</code> or
     * {@code \Uhhhhhhhh} (e.g. U+00A0 {@code \xa0}, U+FEFF <code>&#92;ufeff</code>, U+2028 <code>&#92;u2028</code>).
     *
     * @param s the text
     * @return the Python literal
     */
    public static String repr(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder sb = new StringBuilder(s.length() + 2);
        sb.append(quote);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == quote || cp == '\\') {
                sb.append('\\').append((char) cp);
            } else if (cp == '\t') {
                sb.append("\\t");
            } else if (cp == '\n') {
                sb.append("\\n");
            } else if (cp == '\r') {
                sb.append("\\r");
            } else if (cp < ' ' || cp == 0x7F) {
                hex(sb, "\\x", cp, 2);
            } else if (cp < 0x7F) {
                sb.append((char) cp);
            } else if (isPrintable(cp)) {
                sb.appendCodePoint(cp);
            } else if (cp <= 0xFF) {
                hex(sb, "\\x", cp, 2);
            } else if (cp <= 0xFFFF) {
                hex(sb, "\\u", cp, 4);
            } else {
                hex(sb, "\\U", cp, 8);
            }
        }
        return sb.append(quote).toString();
    }

    /**
     * Python {@code str.isprintable()} for one code point: false for categories Cc, Cf, Cs, Co, Cn, Zl, Zp and Zs
     * other than the ASCII space (Unicode 14 data).
     *
     * @param cp a code point
     * @return whether {@code repr} writes it unescaped
     */
    public static boolean isPrintable(int cp) {
        switch (Character.getType(cp)) {
            case Character.CONTROL:
            case Character.FORMAT:
            case Character.SURROGATE:
            case Character.PRIVATE_USE:
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
                return false;
            case Character.SPACE_SEPARATOR:
                return cp == ' ';
            case Character.UNASSIGNED:
                return Unicode14Delta.isPrintable(cp);
            default:
                return true;
        }
    }

    /**
     * Python {@code str.isspace()}: true for a non-empty string of whitespace characters (U+0009-U+000D,
     * U+001C-U+001F, U+0020, U+0085, U+00A0, U+1680, U+2000-U+200A, U+2028, U+2029, U+202F, U+205F, U+3000).
     * Java's {@code isBlank()} differs (U+0085, U+00A0, U+2007, U+202F) and is true for the empty string.
     *
     * @param s the text
     * @return whether s is non-empty and all whitespace
     */
    public static boolean isspace(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isSpace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSpace(char c) {
        return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 || c == 0x1680
                || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F
                || c == 0x3000;
    }

    /** CPython {@code handle_capital_sigma}: {@code \p{cased}\p{case-ignorable}* Σ !(\p{case-ignorable}* \p{cased})}. */
    private static boolean isFinalSigma(String s, int sigmaIndex) {
        int j = sigmaIndex;
        int before = -1;
        while (j > 0) {
            int cp = s.codePointBefore(j);
            j -= Character.charCount(cp);
            if (!isCaseIgnorable(cp)) {
                before = cp;
                break;
            }
        }
        if (before < 0 || !isCased(before)) {
            return false;
        }
        j = sigmaIndex + 1;
        while (j < s.length()) {
            int cp = s.codePointAt(j);
            j += Character.charCount(cp);
            if (!isCaseIgnorable(cp)) {
                return !isCased(cp);
            }
        }
        return true;
    }

    private static boolean isCased(int cp) {
        return Character.isLowerCase(cp) || Character.isUpperCase(cp) || Character.isTitleCase(cp)
                || Unicode14Delta.isCased(cp);
    }

    /** Unicode Case_Ignorable: Word_Break MidLetter, MidNumLet or Single_Quote, or category Mn, Me, Cf, Lm, Sk. */
    private static boolean isCaseIgnorable(int cp) {
        switch (cp) {
            case 0x27, 0x2E, 0x3A, 0xB7, 0x387, 0x55F, 0x5F4, 0x2018, 0x2019, 0x2024, 0x2027, 0xFE13, 0xFE52, 0xFE55,
                    0xFF07, 0xFF0E, 0xFF1A:
                return true;
            default:
                break;
        }
        if (Unicode14Delta.lostCaseIgnorable(cp)) {
            return false;
        }
        switch (Character.getType(cp)) {
            case Character.NON_SPACING_MARK:
            case Character.ENCLOSING_MARK:
            case Character.FORMAT:
            case Character.MODIFIER_LETTER:
            case Character.MODIFIER_SYMBOL:
                return true;
            case Character.UNASSIGNED:
                return Unicode14Delta.isCaseIgnorable(cp);
            default:
                return false;
        }
    }

    private static StringBuilder ensure(StringBuilder sb, String s, int upTo) {
        if (sb != null) {
            return sb;
        }
        StringBuilder created = new StringBuilder(s.length() + 8);
        created.append(s, 0, upTo);
        return created;
    }

    private static void hex(StringBuilder sb, String prefix, int cp, int width) {
        String h = Integer.toHexString(cp);
        sb.append(prefix);
        sb.append("0".repeat(width - h.length()));
        sb.append(h);
    }
}
