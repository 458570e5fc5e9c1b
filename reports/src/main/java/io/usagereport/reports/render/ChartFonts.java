package io.usagereport.reports.render;

import io.usagereport.ingest.ErrorCode;
import io.usagereport.ingest.UsageReportException;
import io.usagereport.reports.ReportLocale;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Picks the font family the charts draw with, deliberately: the first installed family of the language's list that
 * can display the language's text. Java's logical {@code SansSerif} maps to whatever fontconfig offers, and on a
 * machine without a CJK font Japanese would come out as empty boxes, so Japanese charts fail instead, with the
 * package to install.
 */
public final class ChartFonts
{
    /** Installed on Debian/Ubuntu by {@code apt-get install fonts-ipaexfont-gothic} (first choice) or {@code fonts-noto-cjk}. */
    static final List<String> JAPANESE_FAMILIES = List.of(
            "IPAexGothic",
            "IPAGothic",
            "Noto Sans CJK JP",
            "Noto Sans JP",
            "Source Han Sans JP",
            "TakaoPGothic",
            "VL PGothic",
            "Yu Gothic",
            "Meiryo",
            "Hiragino Sans");

    static final List<String> ENGLISH_FAMILIES = List.of("DejaVu Sans", "Liberation Sans", "Noto Sans", "Arial", "Helvetica");

    /** Text every chart font of the language must display. */
    static final String JAPANESE_SAMPLE = "基本認証ユーザー数プロトコル月成功失敗年";
    static final String ENGLISH_SAMPLE = "Basic-authentication users by protocol, September 2022 0123456789";

    private ChartFonts() {}

    /**
     * The family to draw the language's charts with.
     *
     * @throws UsageReportException when no installed font can display Japanese
     */
    public static String family(ReportLocale locale)
    {
        Set<String> installed = new TreeSet<>(Arrays.asList(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames()));
        return switch (locale) {
            case ENGLISH -> firstDisplaying(installed, ENGLISH_FAMILIES, ENGLISH_SAMPLE).orElse(Font.SANS_SERIF);
            case JAPANESE -> firstDisplaying(installed, JAPANESE_FAMILIES, JAPANESE_SAMPLE).orElseThrow(() -> new UsageReportException(
                    ErrorCode.INTERNAL,
                    "Cannot draw Japanese chart text: no installed font can display Japanese (looked for "
                            + String.join(", ", JAPANESE_FAMILIES)
                            + "); install one, e.g. 'apt-get install -y fonts-ipaexfont-gothic' (Debian/Ubuntu) or fonts-noto-cjk"));
        };
    }

    /**
     * Checks that a font displays every character of the texts a chart will draw.
     *
     * @throws UsageReportException naming the first text it cannot display
     */
    public static void requireDisplayable(Font font, List<String> texts)
    {
        for (String text : texts) {
            int index = font.canDisplayUpTo(text);
            if (index >= 0) {
                throw new UsageReportException(
                        ErrorCode.INTERNAL,
                        "Cannot draw chart text with font '" + font.getFamily() + "': it cannot display '" + text.charAt(index)
                                + "' (U+" + String.format("%04X", (int) text.charAt(index)) + ") in '" + text
                                + "'; install fonts-ipaexfont-gothic or fonts-noto-cjk");
            }
        }
    }

    private static java.util.Optional<String> firstDisplaying(Set<String> installed, List<String> families, String sample)
    {
        for (String family : families) {
            if (installed.contains(family) && new Font(family, Font.PLAIN, 12).canDisplayUpTo(sample) < 0) {
                return java.util.Optional.of(family);
            }
        }
        return java.util.Optional.empty();
    }
}
