package dev.dtrust.core.python;

/**
 * A text is not a Python literal that {@link PythonLiteral} accepts. The message names the character offset and what
 * was expected there; callers that know the file, line and field should wrap it with that context.
 */
public final class PythonLiteralException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** The 0-based character offset of the problem. */
    private final int offset;

    /** What the parser expected at the offset. */
    private final String expected;

    /**
     * Creates the exception.
     *
     * @param offset the 0-based character offset in the parsed text where the problem was found
     * @param expected what the parser expected there, e.g. {@code "',' or ']'"}
     * @param found a short description of what is there instead
     */
    public PythonLiteralException(int offset, String expected, String found) {
        super("invalid Python literal at offset " + offset + ": expected " + expected + ", found " + found);
        this.offset = offset;
        this.expected = expected;
    }

    /**
     * The 0-based character offset of the problem.
     *
     * @return the offset
     */
    public int offset() {
        return offset;
    }

    /**
     * What the parser expected at {@link #offset()}.
     *
     * @return a short description such as {@code "a literal"}
     */
    public String expected() {
        return expected;
    }
}
