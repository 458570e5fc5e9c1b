package io.usagereport.ingest.testing;

import io.usagereport.ingest.format.ExportFormats;
import io.usagereport.ingest.format.ExportInput;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/** Reads test exports through {@link ExportFormats#read}, the one way the product reads them. */
public final class TestingExports
{
    private TestingExports() {}

    /** What reading one export gave. */
    public record Outcome(ExportFormats.ReadResult result, CollectingSink sink)
    {
        public Outcome
        {
            requireNonNull(result, "result is null");
            requireNonNull(sink, "sink is null");
        }
    }

    /** The one export file ({@code *.csv}, {@code *.json}, {@code *.jsonl}) in {@code src/test/resources/<testCase>/}. */
    public static Path export(String testCase)
    {
        URL url = TestingExports.class.getClassLoader().getResource(testCase);
        if (url == null) {
            throw new IllegalArgumentException("No test case folder " + testCase);
        }
        try (Stream<Path> files = Files.list(Paths.get(url.toURI()))) {
            List<Path> exports = files
                    .filter(file -> file.getFileName().toString().matches(".*\\.(csv|json|jsonl)"))
                    .toList();
            if (exports.size() != 1) {
                throw new IllegalArgumentException("Expected one export in " + testCase + ", found " + exports);
            }
            return exports.get(0);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (URISyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public static Outcome read(String testCase, CollectingSink sink)
            throws IOException
    {
        Path file = export(testCase);
        try (InputStream stream = Files.newInputStream(file)) {
            return new Outcome(ExportFormats.read(file.getFileName().toString(), stream, Optional.empty(), sink), sink);
        }
    }

    public static Outcome read(String testCase)
            throws IOException
    {
        return read(testCase, new CollectingSink());
    }

    public static Outcome read(String sourceFile, byte[] bytes, CollectingSink sink)
            throws IOException
    {
        return new Outcome(ExportFormats.read(sourceFile, new ByteArrayInputStream(bytes), Optional.empty(), sink), sink);
    }

    /** The first characters of an export, as {@link io.usagereport.ingest.format.ExportFormat#recognizes} sees them. */
    public static String head(String testCase)
            throws IOException
    {
        Path file = export(testCase);
        byte[] bytes = Files.readAllBytes(file);
        String text;
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            text = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE);
        }
        else {
            text = new String(bytes, StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
        }
        return text.substring(0, Math.min(text.length(), ExportInput.HEAD_CHARACTERS));
    }
}
