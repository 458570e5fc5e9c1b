package io.usagereport.ingest.format.csv;

import io.usagereport.ingest.Reject;

import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One data record of a CSV export.
 *
 * @param record the 1-based data record number (the header is not counted)
 * @param line the 1-based physical line the record starts on, counting the header and any {@code #TYPE} line
 * @param cells the cell values
 * @param rawText the record as it stands in the file, without its line break
 */
public record CsvRow(long record, long line, List<String> cells, String rawText)
{
    public CsvRow
    {
        cells = List.copyOf(cells);
        requireNonNull(rawText, "rawText is null");
        if (record < 1) {
            throw new IllegalArgumentException("record is not positive: " + record);
        }
        if (line < 1) {
            throw new IllegalArgumentException("line is not positive: " + line);
        }
    }

    /**
     * The value of {@code column} without surrounding white space; empty when the file has no such column or the
     * cell is blank.
     */
    public Optional<String> value(Optional<CsvColumn> column)
    {
        requireNonNull(column, "column is null");
        if (column.isEmpty() || column.get().index() >= cells.size()) {
            return Optional.empty();
        }
        String value = cells.get(column.get().index());
        if (value.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(value.strip());
    }

    /** The first non-blank value among {@code columns}, tried in order. */
    @SafeVarargs
    public final Optional<Valued> firstValue(Optional<CsvColumn>... columns)
    {
        for (Optional<CsvColumn> column : columns) {
            Optional<String> value = value(column);
            if (value.isPresent()) {
                return Optional.of(new Valued(column.get(), value.get()));
            }
        }
        return Optional.empty();
    }

    /** A value together with the column it came from, for messages. */
    public record Valued(CsvColumn column, String value)
    {
        public Valued
        {
            requireNonNull(column, "column is null");
            requireNonNull(value, "value is null");
        }
    }

    /** Whether the record has as many cells as the header has columns. */
    public boolean hasCells(int expected)
    {
        return cells.size() == expected;
    }

    public Reject wrongCellCount(int expected)
    {
        return new Reject(record, line, Optional.empty(), CsvProblems.WRONG_CELL_COUNT,
                Optional.of(Integer.toString(cells.size())),
                Optional.of(expected + " cells, one per header column"), rawText);
    }

    public Reject ofRecord(String problem)
    {
        return Reject.ofRecord(record, line, problem, rawText);
    }

    public Reject missing(String field, String problem)
    {
        return Reject.missing(record, line, field, problem, rawText);
    }

    public Reject invalid(String field, String problem, String value, String expected)
    {
        return Reject.invalid(record, line, field, problem, value, expected, rawText);
    }
}
