package io.usagereport.analytics;

/** How {@link QueryOutput} prints a result. */
public enum OutputFormat
{
    /**
     * An aligned text table for a terminal: {@code |}-separated columns, numbers right-aligned, {@code NULL} for
     * nulls, East Asian wide characters counted as two columns, and a {@code (N rows)} footer.
     */
    TABLE,
    /**
     * RFC 4180 CSV with a header line, CRLF line ends, in UTF-8 with a byte-order mark so that Excel (also on
     * Japanese Windows) reads the names right. Nulls are empty cells. Text cells that a spreadsheet would take for a
     * formula (starting with {@code = + - @}, tab or carriage return) are prefixed with {@code '}.
     */
    CSV,
    /** JSON lines: one object per row, keys in column order, nulls as {@code null}, LF line ends, UTF-8. */
    JSON
}
