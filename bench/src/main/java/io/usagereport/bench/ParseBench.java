package io.usagereport.bench;

import io.usagereport.ingest.Reject;
import io.usagereport.ingest.SignIn;
import io.usagereport.ingest.SignInSink;
import io.usagereport.ingest.format.ExportFormats;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * How fast one core turns export files into sign-ins, without Spark: usage-report's readers against Commons CSV
 * alone and Jackson's CSV parser alone (records split into cells, nothing else), on the same files in the same
 * process. The bare parsers skip the first three bytes (the byte order mark of the portal's UTF-8 exports).
 *
 * <pre>{@code
 * java -cp <bench classpath> io.usagereport.bench.ParseBench RUNS FILE...
 * }</pre>
 *
 * Each run reads every file once with each system, the systems taking turns, and prints one line per system and
 * run: seconds, MB/s (10^6 bytes) and what it counted. The first run is a warm-up (JIT compilation).
 */
public final class ParseBench
{
    private ParseBench() {}

    public static void main(String[] args)
            throws IOException
    {
        if (args.length < 2) {
            System.err.println("usage: ParseBench RUNS FILE...");
            System.exit(64);
        }
        int runs = Integer.parseInt(args[0]);
        List<Path> files = new ArrayList<>();
        for (String file : Arrays.asList(args).subList(1, args.length)) {
            files.add(Path.of(file));
        }
        long bytes = 0;
        for (Path file : files) {
            bytes += Files.size(file);
        }
        System.out.printf("%d files, %,d bytes, %d runs (the first a warm-up)%n", files.size(), bytes, runs);
        for (int run = 0; run < runs; run++) {
            String label = run == 0 ? "warm-up" : "run " + run;
            time(label, "commons-csv", bytes, () -> commonsCsv(files));
            time(label, "jackson-csv", bytes, () -> jacksonCsv(files));
            time(label, "usage-report", bytes, () -> usageReport(files));
        }
    }

    private static void time(String label, String system, long bytes, Counted work)
    {
        long started = System.nanoTime();
        String counted = work.count();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("%-8s %-13s %7.2f s %7.1f MB/s  %s%n", label, system, seconds, bytes / seconds / 1e6, counted);
    }

    /** Commons CSV alone: every record split into its cells, with the format the readers use. */
    private static String commonsCsv(List<Path> files)
    {
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();
        long records = 0;
        long cells = 0;
        for (Path file : files) {
            try (CSVParser parser = CSVParser.builder().setReader(afterByteOrderMark(file)).setFormat(format).get()) {
                for (CSVRecord record : parser) {
                    records++;
                    cells += record.size();
                }
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return String.format("%,d records, %,d cells", records, cells);
    }

    /** Jackson's CSV parser alone, streaming: every record split into its cells, each cell made a string. */
    private static String jacksonCsv(List<Path> files)
    {
        CsvFactory factory = CsvFactory.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();
        long records = 0;
        long cells = 0;
        for (Path file : files) {
            try (JsonParser parser = factory.createParser(afterByteOrderMark(file))) {
                for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                    // WRAP_AS_ARRAY: the file is one array, each record an array inside it
                    if (token == JsonToken.START_ARRAY && parser.getParsingContext().getParent().inArray()) {
                        records++;
                    }
                    else if (token == JsonToken.VALUE_STRING) {
                        cells++;
                        parser.getText();
                    }
                }
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return String.format("%,d records, %,d cells", records, cells);
    }

    /** The file's text after its UTF-8 byte order mark (three bytes), for the bare parsers. */
    private static Reader afterByteOrderMark(Path file)
            throws IOException
    {
        InputStream stream = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            stream.skipNBytes(3);
        }
        catch (IOException e) {
            stream.close();
            throw e;
        }
        return new InputStreamReader(stream, StandardCharsets.UTF_8);
    }

    /** usage-report's readers: format detection, strict decoding, validation, line numbers, sign-ins built. */
    private static String usageReport(List<Path> files)
    {
        long[] counts = new long[2];
        SignInSink sink = new SignInSink()
        {
            @Override
            public void signIn(SignIn signIn, long record, long line)
            {
                counts[0]++;
            }

            @Override
            public void reject(Reject reject)
            {
                counts[1]++;
            }
        };
        for (Path file : files) {
            try (InputStream stream = Files.newInputStream(file)) {
                ExportFormats.read(file.getFileName().toString(), stream, Optional.empty(), sink);
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return String.format("%,d sign-ins, %,d rejects", counts[0], counts[1]);
    }

    @FunctionalInterface
    private interface Counted
    {
        String count();
    }
}
