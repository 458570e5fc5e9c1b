package io.usagereport.ingest.format;

import io.usagereport.ingest.Reject;
import io.usagereport.ingest.SignIn;
import io.usagereport.ingest.testing.CollectingSink;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden-file tests of the CSV formats: each case folder under {@code src/test/resources/<case>/} holds one export
 * and {@code expected.txt}, the rendering of everything {@link ExportFormats#read} makes of it (format, charset,
 * every sign-in with its record and line, every reject with its message and raw text, and a file-level error).
 * Run with {@code -Dgolden.update=true} to rewrite the expected files after a deliberate change, then review the
 * diff.
 */
class CsvGoldenFilesTest
{
    private static final String EXPECTED = "expected.txt";

    @ParameterizedTest
    @ValueSource(strings = {
            "entra-era-a-44",
            "entra-era-b-49",
            "entra-era-c-55",
            "entra-era-d-57",
            "entra-utf8-bom",
            "entra-utf16le-bom",
            "entra-malformed",
            "entra-service-principal",
            "entra-truncated",
            "powershell-azuread-type",
            "powershell-graph-flattened",
            "powershell-graph-typename",
            "powershell-semicolon",
            "loganalytics-2023",
            "loganalytics-real"})
    void matchesGoldenFile(String testCase)
            throws Exception
    {
        Path folder = folder(testCase);
        Path input = input(folder);
        String actual = render(input);
        Path expectedFile = folder.resolve(EXPECTED);
        if (Boolean.getBoolean("golden.update")) {
            Path source = Paths.get("src/test/resources", testCase, EXPECTED);
            Files.writeString(source, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(expectedFile, StandardCharsets.UTF_8));
    }

    static Path folder(String testCase)
            throws URISyntaxException
    {
        URL url = CsvGoldenFilesTest.class.getClassLoader().getResource(testCase);
        assertThat(url).as("test case folder %s", testCase).isNotNull();
        return Paths.get(url.toURI());
    }

    static Path input(Path folder)
            throws IOException
    {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> inputs = files
                    .filter(file -> file.getFileName().toString().endsWith(".csv"))
                    .toList();
            assertThat(inputs).as("one export in %s", folder).hasSize(1);
            return inputs.get(0);
        }
    }

    static String render(Path input)
            throws IOException
    {
        String sourceFile = input.getFileName().toString();
        CollectingSink sink = new CollectingSink();
        StringBuilder text = new StringBuilder();
        Optional<String> error = Optional.empty();
        try (InputStream stream = Files.newInputStream(input)) {
            ExportFormats.ReadResult result = ExportFormats.read(sourceFile, stream, Optional.empty(), sink);
            text.append("format: ").append(result.format()).append('\n');
            text.append("charset: ").append(result.charset().name()).append('\n');
        }
        catch (IOException | UncheckedIOException e) {
            error = Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        for (CollectingSink.Collected read : sink.signIns()) {
            SignIn signIn = read.signIn();
            text.append("\nsignIn record=").append(read.record()).append(" line=").append(read.line()).append('\n');
            field(text, "signInId", signIn.signInId());
            field(text, "createdAt", signIn.createdAt().toString());
            field(text, "userPrincipalName", signIn.userPrincipalName());
            field(text, "userId", signIn.userId());
            field(text, "userDisplayName", signIn.userDisplayName());
            field(text, "clientApp", signIn.clientApp());
            field(text, "protocol", signIn.protocol().name());
            field(text, "appDisplayName", signIn.appDisplayName());
            field(text, "ipAddress", signIn.ipAddress());
            field(text, "location", signIn.location());
            field(text, "userAgent", signIn.userAgent());
            field(text, "succeeded", Boolean.toString(signIn.succeeded()));
            field(text, "errorCode", Integer.toString(signIn.errorCode()));
            field(text, "failureReason", signIn.failureReason());
        }
        for (Reject reject : sink.rejects()) {
            text.append("\nreject record=").append(reject.record()).append(" line=").append(reject.line()).append('\n');
            field(text, "message", reject.message(sourceFile));
            field(text, "rawText", reject.rawText());
        }
        error.ifPresent(message -> text.append("\nerror: ").append(escape(message)).append('\n'));
        return text.toString();
    }

    private static void field(StringBuilder text, String name, Optional<String> value)
    {
        text.append("  ").append(name).append(": ").append(value.map(CsvGoldenFilesTest::quote).orElse("(absent)")).append('\n');
    }

    private static void field(StringBuilder text, String name, String value)
    {
        field(text, name, Optional.of(value));
    }

    private static String quote(String value)
    {
        return '"' + escape(value) + '"';
    }

    private static String escape(String value)
    {
        return value.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n");
    }
}
