package io.usagereport.ingest.format.csv;

import static java.util.Objects.requireNonNull;

/**
 * One column of a CSV header.
 *
 * @param index the 0-based cell index
 * @param name the column name as the file spells it, without surrounding white space (for messages)
 */
public record CsvColumn(int index, String name)
{
    public CsvColumn
    {
        requireNonNull(name, "name is null");
        if (index < 0) {
            throw new IllegalArgumentException("index is negative: " + index);
        }
    }
}
