package io.usagereport.analytics;

import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * What {@link QueryOutput} printed.
 *
 * @param columns the result's column names, in order
 * @param rows the rows printed
 * @param truncated whether the result had more rows than the limit
 */
public record QueryResult(List<String> columns, long rows, boolean truncated)
{
    public QueryResult
    {
        columns = List.copyOf(requireNonNull(columns, "columns is null"));
        if (rows < 0) {
            throw new IllegalArgumentException("rows is negative: " + rows);
        }
    }
}
