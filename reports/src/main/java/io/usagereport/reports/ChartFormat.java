package io.usagereport.reports;

import java.util.Optional;

/**
 * The file format of a report's charts ({@code --charts svg|png}).
 */
public enum ChartFormat
{
    /**
     * SVG, the default: vector graphics whose text stays text, drawn by the viewer's fonts; small, sharp at any zoom,
     * and quick to write.
     */
    SVG("svg"),
    /**
     * PNG, an image of 2400×1400 pixels (the 1200×700 layout at twice the scale): for mail clients and viewers that do
     * not show SVG.
     */
    PNG("png");

    private final String extension;

    ChartFormat(String extension)
    {
        this.extension = extension;
    }

    /** The file name extension and the command line's name: {@code svg} or {@code png}. */
    public String extension()
    {
        return extension;
    }

    /** The file name of a chart in this format, e.g. {@code chart-protocols.svg} for {@code chart-protocols}. */
    public String fileName(String chart)
    {
        return chart + "." + extension;
    }

    /** The format for a name ({@code svg}, {@code png}; case ignored); empty for any other name. */
    public static Optional<ChartFormat> fromName(String name)
    {
        for (ChartFormat value : values()) {
            if (value.extension.equalsIgnoreCase(name.strip())) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
