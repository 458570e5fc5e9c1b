package io.usagereport.analytics;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * An aligned text table in the style of database shells:
 * <pre>
 *  tenant_id | users
 * -----------+-------
 *  T1        |     2
 * (1 row)
 * </pre>
 */
final class TextTable
{
    private static final String NULL = "NULL";
    private static final String LINE_END = "\n";

    private final List<String> columns;
    private final List<Boolean> rightAligned;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(List<String> columns, List<Boolean> rightAligned)
    {
        this.columns = List.copyOf(requireNonNull(columns, "columns is null"));
        this.rightAligned = List.copyOf(requireNonNull(rightAligned, "rightAligned is null"));
        if (columns.size() != rightAligned.size()) {
            throw new IllegalArgumentException("columns and rightAligned differ in size");
        }
    }

    void add(List<Optional<String>> cells)
    {
        List<String> row = new ArrayList<>();
        for (Optional<String> cell : cells) {
            row.add(cell.map(TextTable::visible).orElse(NULL));
        }
        rows.add(row);
    }

    void write(Writer writer, String footer)
            throws IOException
    {
        int[] widths = new int[columns.size()];
        for (int column = 0; column < columns.size(); column++) {
            widths[column] = displayWidth(columns.get(column));
            for (List<String> row : rows) {
                widths[column] = Math.max(widths[column], displayWidth(row.get(column)));
            }
        }
        writeLine(writer, columns, widths);
        List<String> rules = new ArrayList<>();
        for (int width : widths) {
            rules.add("-".repeat(width + 2));
        }
        writer.write(String.join("+", rules));
        writer.write(LINE_END);
        for (List<String> row : rows) {
            writeLine(writer, row, widths);
        }
        writer.write(footer);
        writer.write(LINE_END);
    }

    private void writeLine(Writer writer, List<String> cells, int[] widths)
            throws IOException
    {
        List<String> padded = new ArrayList<>();
        for (int column = 0; column < cells.size(); column++) {
            String cell = cells.get(column);
            String padding = " ".repeat(widths[column] - displayWidth(cell));
            if (rightAligned.get(column)) {
                padded.add(" " + padding + cell + " ");
            }
            else {
                padded.add(" " + cell + padding + " ");
            }
        }
        writer.write(String.join("|", padded).stripTrailing());
        writer.write(LINE_END);
    }

    /** Line breaks and tabs would break the alignment: show them escaped. */
    private static String visible(String text)
    {
        return text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    }

    /** Terminal columns: East Asian wide and full-width characters take two. */
    static int displayWidth(String text)
    {
        return text.codePoints().map(codePoint -> wide(codePoint) ? 2 : 1).sum();
    }

    private static boolean wide(int codePoint)
    {
        return (codePoint >= 0x1100 && codePoint <= 0x115F)
                || (codePoint >= 0x2E80 && codePoint <= 0x303E)
                || (codePoint >= 0x3041 && codePoint <= 0x33FF)
                || (codePoint >= 0x3400 && codePoint <= 0x4DBF)
                || (codePoint >= 0x4E00 && codePoint <= 0x9FFF)
                || (codePoint >= 0xA000 && codePoint <= 0xA4CF)
                || (codePoint >= 0xAC00 && codePoint <= 0xD7A3)
                || (codePoint >= 0xF900 && codePoint <= 0xFAFF)
                || (codePoint >= 0xFE30 && codePoint <= 0xFE4F)
                || (codePoint >= 0xFF00 && codePoint <= 0xFF60)
                || (codePoint >= 0xFFE0 && codePoint <= 0xFFE6)
                || (codePoint >= 0x1F300 && codePoint <= 0x1F64F)
                || (codePoint >= 0x20000 && codePoint <= 0x3FFFD);
    }
}
