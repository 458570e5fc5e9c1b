package io.usagereport.analytics;

import java.time.YearMonth;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * What one {@link BasicAuthMarts} run wrote.
 *
 * @param month the month analysed
 * @param signIns the sign-ins of the month read from the lake (0: the month has no data, every mart is empty)
 * @param rowCounts rows written per mart, by mart name, in {@link MartSchemas#ALL} order
 */
public record MartsResult(YearMonth month, long signIns, Map<String, Long> rowCounts)
{
    public MartsResult
    {
        requireNonNull(month, "month is null");
        requireNonNull(rowCounts, "rowCounts is null");
        if (signIns < 0) {
            throw new IllegalArgumentException("signIns is negative: " + signIns);
        }
        rowCounts = Collections.unmodifiableMap(new LinkedHashMap<>(rowCounts));
    }

    /** Rows written for the mart this month. */
    public long rows(MartSchema mart)
    {
        requireNonNull(mart, "mart is null");
        Long rows = rowCounts.get(mart.name());
        if (rows == null) {
            throw new IllegalArgumentException("Invalid mart: " + mart.name());
        }
        return rows;
    }
}
