package io.usagereport.ingest.format.csv;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The column names of a CSV export, looked up by normalized name: surrounding white space removed, inner runs of
 * white space made one space, lower case. So the portal's {@code "Application ID "} is {@code application id} and
 * {@code "Autonomous system  number"} is {@code autonomous system number}. When a name appears twice (the portal
 * writes {@code Incoming token type} twice) the first occurrence wins; nothing checks for duplicates, because
 * real exports have them.
 */
public final class CsvHeader
{
    /** The first line of a Windows PowerShell 5.1 {@code Export-Csv} file, before the header. */
    static final String TYPE_LINE_PREFIX = "#TYPE";

    private final List<String> names;
    private final Map<String, CsvColumn> columns;

    private CsvHeader(List<String> names)
    {
        this.names = List.copyOf(names);
        Map<String, CsvColumn> byName = new HashMap<>();
        for (int index = 0; index < this.names.size(); index++) {
            byName.putIfAbsent(normalize(this.names.get(index)), new CsvColumn(index, this.names.get(index).strip()));
        }
        this.columns = Map.copyOf(byName);
    }

    public static CsvHeader of(List<String> names)
    {
        requireNonNull(names, "names is null");
        return new CsvHeader(names);
    }

    /**
     * The header of a CSV export from the decoded start of the file: the first line, or the second when the first
     * is a PowerShell {@code #TYPE} line. Empty when that line is not a CSV header line (JSON, for example, still
     * gives a one-column "header"; callers check for the columns they need).
     */
    public static Optional<CsvHeader> fromHead(String head)
    {
        requireNonNull(head, "head is null");
        String rest = head.startsWith("\uFEFF") ? head.substring(1) : head;
        String line = firstLine(rest);
        if (isTypeLine(line)) {
            int next = line.length();
            if (next < rest.length() && rest.charAt(next) == '\r') {
                next++;
            }
            if (next < rest.length() && rest.charAt(next) == '\n') {
                next++;
            }
            line = firstLine(rest.substring(next));
        }
        if (line.isBlank()) {
            return Optional.empty();
        }
        try (CSVParser parser = CSVParser.builder().setCharSequence(line).setFormat(format(delimiterOf(line))).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                return Optional.empty();
            }
            return Optional.of(new CsvHeader(records.next().toList()));
        }
        catch (IOException | UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** The column names as the file spells them. */
    public List<String> names()
    {
        return names;
    }

    public int size()
    {
        return names.size();
    }

    /** The first column whose normalized name is one of {@code names}, trying them in order. */
    public Optional<CsvColumn> column(String... names)
    {
        for (String name : names) {
            CsvColumn column = columns.get(normalize(name));
            if (column != null) {
                return Optional.of(column);
            }
        }
        return Optional.empty();
    }

    /** Whether any column has one of these names. */
    public boolean has(String... names)
    {
        return column(names).isPresent();
    }

    /** Whether any column's normalized name ends with {@code suffix} (compared normalized). */
    public boolean hasNameEndingWith(String suffix)
    {
        String normalizedSuffix = normalize(suffix);
        return columns.keySet().stream().anyMatch(name -> name.endsWith(normalizedSuffix));
    }

    /** The lookup form of a column name. */
    public static String normalize(String name)
    {
        return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString()
    {
        return "CsvHeader" + names;
    }

    static boolean isTypeLine(String line)
    {
        return line.regionMatches(true, 0, TYPE_LINE_PREFIX, 0, TYPE_LINE_PREFIX.length());
    }

    /**
     * The cell delimiter a header line uses: a semicolon when the line has more semicolons than commas outside
     * quotes (PowerShell {@code Export-Csv -UseCulture} on de-DE or fr-FR), else a comma.
     */
    static char delimiterOf(String headerLine)
    {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int index = 0; index < headerLine.length(); index++) {
            char c = headerLine.charAt(index);
            if (c == '"') {
                quoted = !quoted;
            }
            else if (!quoted && c == ',') {
                commas++;
            }
            else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    static CSVFormat format(char delimiter)
    {
        // No header handling by Commons CSV: its header map rejects or merges duplicate names, and the portal
        // repeats one. Empty lines are skipped (the record after them still gets its true line number).
        return CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setQuote('"')
                .setIgnoreEmptyLines(true)
                .setIgnoreSurroundingSpaces(false)
                .get();
    }

    private static String firstLine(String text)
    {
        int end = 0;
        while (end < text.length() && !LineBreaks.isBreak(text.charAt(end))) {
            end++;
        }
        return text.substring(0, end);
    }
}
