package io.usagereport.reports.render;

import io.usagereport.reports.ChartFormat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The numbers of one chart, localized: what {@link ChartRenderer} draws and what the HTML table beside the chart
 * shows, so both always say the same.
 *
 * @param name the chart's name, its file name without the extension, e.g. {@code chart-protocols}
 * @param format the file format it is written in
 * @param kind how to draw it
 * @param title the chart title
 * @param categoryAxis the label of the category axis (and the table's first column)
 * @param valueAxis the label of the value axis
 * @param series the series names (the table's other columns)
 * @param categories the category labels (the table's rows)
 * @param values {@code values.get(series).get(category)}; empty where there is no data
 */
public record ChartData(
        String name,
        ChartFormat format,
        Kind kind,
        String title,
        String categoryAxis,
        String valueAxis,
        List<String> series,
        List<String> categories,
        List<List<Optional<Long>>> values)
{
    /** Chart types. */
    public enum Kind
    {
        BAR,
        STACKED_BAR,
        LINE
    }

    public ChartData
    {
        requireNonNull(name, "name is null");
        requireNonNull(format, "format is null");
        requireNonNull(kind, "kind is null");
        requireNonNull(title, "title is null");
        requireNonNull(categoryAxis, "categoryAxis is null");
        requireNonNull(valueAxis, "valueAxis is null");
        series = List.copyOf(series);
        categories = List.copyOf(categories);
        List<List<Optional<Long>>> copy = new ArrayList<>();
        for (List<Optional<Long>> row : values) {
            if (row.size() != categories.size()) {
                throw new IllegalArgumentException("Chart " + name + ": a series has " + row.size() + " values for " + categories.size() + " categories");
            }
            copy.add(List.copyOf(row));
        }
        if (copy.size() != series.size()) {
            throw new IllegalArgumentException("Chart " + name + ": " + copy.size() + " value rows for " + series.size() + " series");
        }
        values = List.copyOf(copy);
    }

    /** The file name in the tenant's folder, e.g. {@code chart-protocols.svg}. */
    public String fileName()
    {
        return format.fileName(name);
    }

    /** Every text the chart draws, for the font check. */
    public List<String> texts()
    {
        List<String> texts = new ArrayList<>();
        texts.add(title);
        texts.add(categoryAxis);
        texts.add(valueAxis);
        texts.addAll(series);
        texts.addAll(categories);
        return texts;
    }
}
