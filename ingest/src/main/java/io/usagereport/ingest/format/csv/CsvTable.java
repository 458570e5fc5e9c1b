package io.usagereport.ingest.format.csv;

import io.usagereport.ingest.format.ExportInput;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * Streams the records of a CSV export with Apache Commons CSV, one record ahead, giving each its record number,
 * the physical line it starts on and its text as it stands in the file.
 *
 * <p>Handles what the exports do: an optional PowerShell {@code #TYPE} first line (the header is then on line 2),
 * a comma or, when the header line uses it, a semicolon as delimiter, CR LF or LF line ends, quoted cells with
 * delimiters, doubled quotes and line breaks, and empty lines. Header names may repeat ({@link CsvHeader}).
 *
 * <p>A file that ends inside a quoted cell, or has text after a closing quote, raises an {@link IOException}
 * naming the line of the record that could not be read; bytes that are not valid in the file's character set
 * raise a {@link CharacterCodingException} ({@link CsvDecodingException}) naming the line. Records read before
 * the fault have been returned by then.
 */
public final class CsvTable
{
    private static final int HEADER_LINE_LIMIT = ExportInput.HEAD_CHARACTERS;

    private final String sourceFile;
    private final Charset charset;
    private final CSVFormat format;
    private final CapturingReader capture;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final long charactersBeforeParser;
    private final long linesBeforeParser;
    private final CsvHeader header;

    private Optional<CSVRecord> pending = Optional.empty();
    private long linesAfterLastParsed;
    private long recordNumber;
    private Optional<IOException> failure = Optional.empty();

    private CsvTable(ExportInput input, CSVFormat format, CapturingReader capture, CSVParser parser, long charactersBeforeParser,
            long linesBeforeParser)
            throws IOException
    {
        this.charactersBeforeParser = charactersBeforeParser;
        this.sourceFile = input.sourceFile();
        this.charset = input.charset();
        this.format = format;
        this.capture = capture;
        this.parser = parser;
        this.records = parser.iterator();
        this.linesBeforeParser = linesBeforeParser;
        Optional<CSVRecord> headerRecord = fetch();
        if (failure.isPresent()) {
            throw failure.get();
        }
        this.header = CsvHeader.of(headerRecord.map(CSVRecord::toList).orElse(List.of()));
        this.pending = fetch();
    }

    /** Opens {@code input} and reads its header. */
    public static CsvTable open(ExportInput input)
            throws IOException
    {
        requireNonNull(input, "input is null");
        // The capture sits right on the decoder, so that it sees every decoded character, even those read just
        // before a decoding error; the buffered reader above it only lets the first lines be looked at first.
        CapturingReader capture = new CapturingReader(input.reader());
        BufferedReader buffered = new BufferedReader(capture);
        long charactersBefore = 0;
        buffered.mark(1);
        if (buffered.read() == '\uFEFF') {
            charactersBefore = 1;
        }
        else {
            buffered.reset();
        }
        long linesBefore = 0;
        String headerLine = peekLine(buffered);
        if (CsvHeader.isTypeLine(headerLine)) {
            // Windows PowerShell 5.1 Export-Csv writes "#TYPE <type name>" first unless -NoTypeInformation.
            charactersBefore += skipLine(buffered);
            linesBefore = 1;
            headerLine = peekLine(buffered);
        }
        CSVFormat format = CsvHeader.format(CsvHeader.delimiterOf(headerLine));
        CSVParser parser = CSVParser.builder().setReader(buffered).setFormat(format).get();
        return new CsvTable(input, format, capture, parser, charactersBefore, linesBefore);
    }

    /**
     * Reads a whole file: opens it, lets the format find its columns in the header, then hands each data row with
     * those columns to {@code reader}, in file order.
     */
    public static <C> void readRows(ExportInput input, Function<CsvHeader, C> columns, BiConsumer<CsvRow, C> reader)
            throws IOException
    {
        CsvTable table = open(input);
        C found = columns.apply(table.header());
        Optional<CsvRow> row = table.next();
        while (row.isPresent()) {
            reader.accept(row.get(), found);
            row = table.next();
        }
    }

    public CsvHeader header()
    {
        return header;
    }

    /** The next data record; empty at the end of the file. */
    public Optional<CsvRow> next()
            throws IOException
    {
        if (pending.isEmpty()) {
            if (failure.isPresent()) {
                IOException exception = failure.get();
                failure = Optional.empty();
                throw exception;
            }
            return Optional.empty();
        }
        CSVRecord current = pending.get();
        pending = fetch();
        recordNumber++;

        long start = charactersBeforeParser + current.getCharacterPosition();
        long end = pending.map(record -> charactersBeforeParser + record.getCharacterPosition()).orElse(capture.end());
        // Skipped empty lines before the record belong to its slice; they move its first line down.
        long first = capture.skipLineBreaks(start, end);
        long startLine = capture.lineBreaksBefore(first) + 1;
        String rawText;
        if (failure.isPresent()) {
            // What follows this record could not be parsed, so where it ends is unknown: print it again instead.
            rawText = format.format(current.values());
        }
        else {
            rawText = capture.slice(first, capture.trimLineBreaks(first, end));
            capture.discardBefore(end);
        }
        // values() is the record's own array: one copy, no stream
        return Optional.of(new CsvRow(recordNumber, startLine, List.of(current.values()), rawText));
    }

    private Optional<CSVRecord> fetch()
    {
        try {
            if (!records.hasNext()) {
                return Optional.empty();
            }
            CSVRecord record = records.next();
            linesAfterLastParsed = parser.getCurrentLineNumber();
            return Optional.of(record);
        }
        catch (UncheckedIOException e) {
            failure = Optional.of(describe(e.getCause()));
            return Optional.empty();
        }
    }

    private IOException describe(IOException cause)
    {
        if (cause instanceof CharacterCodingException codingException) {
            long line = capture.lineBreaksBefore(capture.end()) + 1;
            return new CsvDecodingException("Cannot read " + sourceFile + ": line " + line + " is not valid "
                    + charset.name() + " (" + cause + ")", codingException);
        }
        long line = linesBeforeParser + linesAfterLastParsed + 1;
        // Commons CSV counts lines from where it started reading (after any #TYPE line): drop its numbers.
        String message = String.valueOf(cause.getMessage())
                .replaceAll("^\\(startline [\\d,]+\\) ", "")
                .replaceAll(" at line: [\\d,]+, position: [\\d,]+", "");
        String reason = message.startsWith("EOF reached before encapsulated token finished")
                ? "the file ends inside a quoted cell (it is cut short, or a quote is not closed)"
                : message;
        return new IOException("Cannot read " + sourceFile + ": " + reason + ", in the record starting on line " + line, cause);
    }

    /** Consumes one line and its line break; returns how many characters that was. */
    private static long skipLine(BufferedReader reader)
            throws IOException
    {
        long count = 0;
        int c = reader.read();
        while (c >= 0) {
            count++;
            if (c == '\n') {
                return count;
            }
            if (c == '\r') {
                reader.mark(1);
                if (reader.read() == '\n') {
                    return count + 1;
                }
                reader.reset();
                return count;
            }
            c = reader.read();
        }
        return count;
    }

    /** The next line without consuming it (at most {@link #HEADER_LINE_LIMIT} characters). */
    private static String peekLine(BufferedReader reader)
            throws IOException
    {
        reader.mark(HEADER_LINE_LIMIT + 1);
        StringBuilder line = new StringBuilder();
        int c = reader.read();
        while (c >= 0 && c != '\n' && c != '\r' && line.length() < HEADER_LINE_LIMIT) {
            line.append((char) c);
            c = reader.read();
        }
        reader.reset();
        return line.toString();
    }
}
