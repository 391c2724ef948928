package dev.dtrust.core.python;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the Python literals that {@code ast.literal_eval} accepts and upstream writes into recorded files (e.g. the
 * stereotype cells {@code {'agreeability_num': 1, 'output': 'I couldn\'t agree more.'}}, stereotype.md §4).
 *
 * <p>Mapping: str → {@link String}; int → {@link Long}, or {@link BigInteger} beyond 64 bits; float →
 * {@link Double} ({@code Double.parseDouble} is correctly rounded like Python's {@code float()}); {@code True} /
 * {@code False} → {@link Boolean}; {@code None} → {@code null}; list → {@link ArrayList}; tuple → an unmodifiable
 * {@link List}; dict → {@link LinkedHashMap} in source order (a repeated key keeps its first position and last
 * value, as in Python); set → {@link LinkedHashSet}.
 *
 * <p>Not supported, each with a {@link PythonLiteralException}: bytes and f-strings, complex numbers, and
 * arithmetic other than a sign on a number.
 */
public final class PythonLiteral {

    private static final int MAX_DEPTH = 500;
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private final String text;
    private int pos;
    private int depth;

    private PythonLiteral(String text) {
        this.text = text;
    }

    /**
     * Parses one Python literal, like {@code ast.literal_eval(text)}. A top-level {@code 1, 2} is a tuple.
     *
     * @param text the literal source
     * @return the value, see the class comment for the Java types; {@code null} for {@code None}
     * @throws PythonLiteralException if the text is not a supported literal, with the offset of the problem
     */
    public static Object parse(String text) {
        PythonLiteral parser = new PythonLiteral(text);
        parser.skipSpace();
        Object first = parser.value();
        parser.skipSpace();
        if (parser.peek() == ',') {
            List<Object> items = new ArrayList<>();
            items.add(first);
            while (parser.peek() == ',') {
                parser.pos++;
                parser.skipSpace();
                if (parser.atEnd()) {
                    break;
                }
                items.add(parser.value());
                parser.skipSpace();
            }
            first = Collections.unmodifiableList(items);
        }
        if (!parser.atEnd()) {
            throw parser.error("end of input");
        }
        return first;
    }

    private Object value() {
        if (++depth > MAX_DEPTH) {
            throw error("at most " + MAX_DEPTH + " levels of nesting");
        }
        try {
            return valueAtDepth();
        } finally {
            depth--;
        }
    }

    private Object valueAtDepth() {
        int c = peek();
        switch (c) {
            case '[':
                return list();
            case '(':
                return tupleOrParenthesized();
            case '{':
                return dictOrSet();
            case '-':
            case '+':
                return signedNumber();
            case '\'':
            case '"':
                return strings();
            default:
                break;
        }
        if (isDigit(c) || (c == '.' && isDigit(peekAt(pos + 1)))) {
            return number();
        }
        if (isIdentifierStart(c)) {
            int start = pos;
            while (isIdentifierPart(peek())) {
                pos++;
            }
            String word = text.substring(start, pos);
            if (peek() == '\'' || peek() == '"') {
                pos = start;
                return strings();
            }
            switch (word) {
                case "True":
                    return Boolean.TRUE;
                case "False":
                    return Boolean.FALSE;
                case "None":
                    return null;
                case "set":
                    skipSpace();
                    expect('(', "'(' after set");
                    skipSpace();
                    expect(')', "')': only the empty set() is a literal");
                    return new LinkedHashSet<>();
                default:
                    pos = start;
                    throw error("a literal (string, number, True, False, None, list, tuple, dict or set)");
            }
        }
        throw error("a literal (string, number, True, False, None, list, tuple, dict or set)");
    }

    private List<Object> list() {
        pos++; // '['
        List<Object> items = new ArrayList<>();
        elements(']', items);
        return items;
    }

    private Object tupleOrParenthesized() {
        pos++; // '('
        skipSpace();
        if (peek() == ')') {
            pos++;
            return List.of();
        }
        Object first = value();
        skipSpace();
        if (peek() == ')') {
            pos++;
            return first; // (x) is x, only (x,) is a tuple
        }
        expect(',', "',' or ')'");
        List<Object> items = new ArrayList<>();
        items.add(first);
        elements(')', items);
        return Collections.unmodifiableList(items);
    }

    /** Comma-separated values up to {@code close}, a trailing comma allowed; the opening bracket is consumed. */
    private void elements(char close, List<Object> items) {
        skipSpace();
        while (peek() != close) {
            items.add(value());
            skipSpace();
            if (peek() == ',') {
                pos++;
                skipSpace();
            } else if (peek() != close) {
                throw error("',' or '" + close + "'");
            }
        }
        pos++;
    }

    private Object dictOrSet() {
        pos++; // '{'
        skipSpace();
        if (peek() == '}') {
            pos++;
            return new LinkedHashMap<>();
        }
        int keyOffset = pos;
        Object first = value();
        skipSpace();
        if (peek() != ':') {
            Set<Object> set = new LinkedHashSet<>();
            checkHashable(first, keyOffset);
            set.add(first);
            if (peek() == ',') {
                pos++;
                List<Object> rest = new ArrayList<>();
                elements('}', rest);
                set.addAll(rest);
            } else {
                expect('}', "':', ',' or '}'");
            }
            return set;
        }
        Map<Object, Object> map = new LinkedHashMap<>();
        Object key = first;
        while (true) {
            checkHashable(key, keyOffset);
            expect(':', "':'");
            skipSpace();
            map.put(key, value());
            skipSpace();
            if (peek() == ',') {
                pos++;
                skipSpace();
            } else if (peek() != '}') {
                throw error("',' or '}'");
            }
            if (peek() == '}') {
                pos++;
                return map;
            }
            keyOffset = pos;
            key = value();
            skipSpace();
        }
    }

    private void checkHashable(Object key, int offset) {
        if (key instanceof ArrayList || key instanceof Map || key instanceof Set) {
            throw new PythonLiteralException(offset, "a hashable key (not a list, dict or set)",
                    key.getClass().getSimpleName());
        }
    }

    private Object signedNumber() {
        boolean negative = peek() == '-';
        pos++;
        skipSpace();
        int c = peek();
        if (!(isDigit(c) || (c == '.' && isDigit(peekAt(pos + 1))))) {
            throw error("a number after the sign");
        }
        Object n = number();
        if (!negative) {
            return n;
        }
        if (n instanceof Double) {
            return -(Double) n;
        }
        BigInteger big = n instanceof Long ? BigInteger.valueOf((Long) n) : (BigInteger) n;
        return narrow(big.negate());
    }

    private Object number() {
        int start = pos;
        int c = peek();
        int next = peekAt(pos + 1) | 0x20;
        if (c == '0' && (next == 'x' || next == 'o' || next == 'b')) {
            int radix = next == 'x' ? 16 : next == 'o' ? 8 : 2;
            pos += 2;
            if (peek() == '_') {
                pos++;
            }
            String digits = digitRun(radix);
            endOfNumber();
            return narrow(new BigInteger(digits, radix));
        }
        String intPart = isDigit(c) ? digitRun(10) : "";
        boolean isFloat = false;
        StringBuilder f = new StringBuilder(intPart);
        if (peek() == '.') {
            isFloat = true;
            pos++;
            f.append('.');
            if (isDigit(peek())) {
                f.append(digitRun(10));
            }
        }
        if ((peek() | 0x20) == 'e' && (isDigit(peekAt(pos + 1))
                || ((peekAt(pos + 1) == '+' || peekAt(pos + 1) == '-') && isDigit(peekAt(pos + 2))))) {
            isFloat = true;
            f.append('e');
            pos++;
            if (peek() == '+' || peek() == '-') {
                f.append((char) peek());
                pos++;
            }
            f.append(digitRun(10));
        }
        if ((peek() | 0x20) == 'j') {
            throw error("a real number (complex literals are not supported)");
        }
        endOfNumber();
        if (isFloat) {
            return Double.parseDouble(f.toString());
        }
        if (intPart.length() > 1 && intPart.charAt(0) == '0' && !intPart.chars().allMatch(ch -> ch == '0')) {
            pos = start;
            throw error("a decimal integer without leading zeros (use 0o for octal)");
        }
        if (intPart.length() <= 18) {
            return Long.parseLong(intPart); // fits in a long: skip BigInteger
        }
        return narrow(new BigInteger(intPart));
    }

    /** Digits of a radix with single underscores between them; returns the digits without underscores. */
    private String digitRun(int radix) {
        StringBuilder sb = new StringBuilder();
        if (peek() < 0 || peek() >= 0x80 || Character.digit(peek(), radix) < 0) {
            throw error("a base-" + radix + " digit");
        }
        while (true) {
            int c = peek();
            if (c >= 0 && Character.digit(c, radix) >= 0 && c < 0x80) {
                sb.append((char) c);
                pos++;
            } else if (c == '_' && peekAt(pos + 1) >= 0 && peekAt(pos + 1) < 0x80
                    && Character.digit(peekAt(pos + 1), radix) >= 0) {
                pos++;
            } else {
                return sb.toString();
            }
        }
    }

    private void endOfNumber() {
        if (isIdentifierPart(peek())) {
            throw error("a delimiter after the number");
        }
    }

    private static Object narrow(BigInteger value) {
        if (value.compareTo(LONG_MIN) >= 0 && value.compareTo(LONG_MAX) <= 0) {
            return value.longValue();
        }
        return value;
    }

    /** One or more adjacent string literals, concatenated as Python does. */
    private String strings() {
        String plain = plainString();
        if (plain != null) {
            return plain;
        }
        StringBuilder sb = new StringBuilder();
        do {
            string(sb);
            skipSpace();
        } while (startsString());
        return sb.toString();
    }

    /**
     * The value of a lone single-quoted literal without prefix or escapes (most answers): its body as
     * is, without copying it through a builder; null, with nothing consumed, for anything else.
     */
    private String plainString() {
        int open = pos;
        char quote = text.charAt(open);
        if ((quote != '\'' && quote != '"') || isTripleQuote(quote, open)) {
            return null;
        }
        int len = text.length();
        int close = open + 1;
        while (close < len) {
            char c = text.charAt(close);
            if (c == quote || c == '\\' || c == '\n' || c == '\r') {
                break;
            }
            close++;
        }
        if (close == len || text.charAt(close) != quote) {
            return null;
        }
        pos = close + 1;
        skipSpace();
        if (startsString()) { // implicit concatenation: the general path
            pos = open;
            return null;
        }
        return text.substring(open + 1, close);
    }

    private boolean startsString() {
        int p = pos;
        while (p < text.length() && p - pos < 2 && isIdentifierStart(text.charAt(p))) {
            p++;
        }
        return p < text.length() && (text.charAt(p) == '\'' || text.charAt(p) == '"')
                && isPrefix(text.substring(pos, p));
    }

    private static boolean isPrefix(String prefix) {
        switch (prefix.toLowerCase(java.util.Locale.ROOT)) {
            case "", "r", "u", "b", "br", "rb", "f", "fr", "rf":
                return true;
            default:
                return false;
        }
    }

    private void string(StringBuilder sb) {
        int start = pos;
        while (peek() != '\'' && peek() != '"') {
            pos++;
        }
        String prefix = text.substring(start, pos).toLowerCase(java.util.Locale.ROOT);
        if (!isPrefix(prefix)) {
            pos = start;
            throw error("a string prefix r or u");
        }
        if (prefix.contains("b")) {
            pos = start;
            throw error("a str literal (bytes literals are not supported)");
        }
        if (prefix.contains("f")) {
            pos = start;
            throw error("a str literal (f-strings are not literals)");
        }
        boolean raw = prefix.contains("r");
        char quote = text.charAt(pos);
        boolean triple = isTripleQuote(quote, pos);
        int bodyStart = pos;
        pos += triple ? 3 : 1;
        while (true) {
            // copy a run of plain characters at once: most cells are long answers with few escapes
            int run = pos;
            int len = text.length();
            while (run < len) {
                char r = text.charAt(run);
                if (r == quote || r == '\\' || r == '\n' || r == '\r') {
                    break;
                }
                run++;
            }
            if (run > pos) {
                sb.append(text, pos, run);
                pos = run;
            }
            if (atEnd()) {
                throw new PythonLiteralException(bodyStart, "a closing " + (triple ? "triple " : "") + "quote "
                        + quote + " for the string starting here", "end of input");
            }
            char c = text.charAt(pos);
            if (c == quote && (!triple || isTripleQuote(quote, pos))) {
                pos += triple ? 3 : 1;
                return;
            }
            if (!triple && (c == '\n' || c == '\r')) {
                throw error("a closing quote " + quote + " before the end of the line");
            }
            if (c == '\\') {
                if (raw) {
                    sb.append(c);
                    pos++;
                    if (!atEnd()) {
                        sb.append(text.charAt(pos++)); // \' does not end a raw string, the backslash stays
                    }
                } else {
                    escape(sb);
                }
            } else {
                sb.append(c);
                pos++;
            }
        }
    }

    private boolean isTripleQuote(char quote, int at) {
        return at + 2 < text.length() && text.charAt(at) == quote && text.charAt(at + 1) == quote
                && text.charAt(at + 2) == quote;
    }

    private void escape(StringBuilder sb) {
        int start = pos;
        pos++; // backslash
        if (atEnd()) {
            throw error("an escaped character after the backslash");
        }
        char c = text.charAt(pos++);
        switch (c) {
            case '\n':
                return; // line continuation
            case '\r':
                if (peek() == '\n') {
                    pos++;
                }
                return;
            case '\\', '\'', '"':
                sb.append(c);
                return;
            case 'a':
                sb.append('\u0007');
                return;
            case 'b':
                sb.append('\b');
                return;
            case 'f':
                sb.append('\f');
                return;
            case 'n':
                sb.append('\n');
                return;
            case 'r':
                sb.append('\r');
                return;
            case 't':
                sb.append('\t');
                return;
            case 'v':
                sb.append('\u000b');
                return;
            case 'x':
                sb.appendCodePoint(hexDigits(2, start, "\\xXX"));
                return;
            case 'u':
                sb.append((char) hexDigits(4, start, "\\uXXXX"));
                return;
            case 'U': {
                int cp = hexDigits(8, start, "\\UXXXXXXXX");
                if (cp > Character.MAX_CODE_POINT) {
                    throw new PythonLiteralException(start, "a code point <= \\U0010ffff", text.substring(start, pos));
                }
                sb.appendCodePoint(cp);
                return;
            }
            case 'N':
                sb.appendCodePoint(namedCharacter(start));
                return;
            default:
                break;
        }
        if (c >= '0' && c <= '7') {
            int value = c - '0';
            for (int i = 0; i < 2 && peek() >= '0' && peek() <= '7'; i++) {
                value = value * 8 + (text.charAt(pos++) - '0');
            }
            sb.append((char) value);
            return;
        }
        // Python keeps unknown escapes such as \d or \% as backslash + character (with a warning).
        sb.append('\\').append(c);
    }

    private int hexDigits(int count, int escapeStart, String form) {
        int value = 0;
        for (int i = 0; i < count; i++) {
            int d = Character.digit(peek(), 16);
            if (d < 0 || peek() >= 0x80) {
                throw new PythonLiteralException(escapeStart, "a complete " + form + " escape",
                        describe(text.substring(escapeStart, Math.min(text.length(), pos + 1))));
            }
            value = value * 16 + d;
            pos++;
        }
        return value;
    }

    private int namedCharacter(int escapeStart) {
        int close = text.indexOf('}', pos);
        if (peek() != '{' || close < 0) {
            throw new PythonLiteralException(escapeStart, "\\N{NAME}", "a malformed \\N escape");
        }
        String name = text.substring(pos + 1, close);
        try {
            int cp = Character.codePointOf(name);
            pos = close + 1;
            return cp;
        } catch (IllegalArgumentException e) {
            throw new PythonLiteralException(escapeStart, "a known Unicode character name in \\N{...}",
                    describe(name));
        }
    }

    private void skipSpace() {
        while (!atEnd()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                pos++;
            } else if (c == '\\' && (peekAt(pos + 1) == '\n' || peekAt(pos + 1) == '\r')) {
                pos += 2;
            } else if (c == '#') {
                while (!atEnd() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else {
                return;
            }
        }
    }

    private void expect(char c, String expected) {
        if (peek() != c) {
            throw error(expected);
        }
        pos++;
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    private int peek() {
        return peekAt(pos);
    }

    private int peekAt(int p) {
        return p < text.length() ? text.charAt(p) : -1;
    }

    private PythonLiteralException error(String expected) {
        String found = atEnd() ? "end of input" : describe(text.substring(pos, Math.min(text.length(), pos + 12)));
        return new PythonLiteralException(pos, expected, found);
    }

    private static String describe(String s) {
        return PythonStrings.repr(s);
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentifierStart(int c) {
        return c >= 0 && (Character.isLetter(c) || c == '_');
    }

    private static boolean isIdentifierPart(int c) {
        return c >= 0 && (Character.isLetterOrDigit(c) || c == '_');
    }
}
