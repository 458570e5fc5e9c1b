package io.usagereport.ingest.format.graph;

import io.usagereport.ingest.Reject;
import io.usagereport.ingest.SignIn;
import io.usagereport.ingest.format.ExportFormats;
import io.usagereport.ingest.testing.CollectingSink;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads each fixture under {@code src/test/resources/<case>/} through {@link ExportFormats#read} and compares
 * everything the reader produced with {@code expected.txt} beside it. Run with {@code -Dgolden.update=true} to
 * rewrite the expected files, then review the difference.
 */
class JsonExportGoldenTest
{
    private static final Path RESOURCES = Path.of("src", "test", "resources");

    @ParameterizedTest(name = "{0}")
    @CsvSource(textBlock = """
            graph-json-single-page,  input.json
            graph-json-multi-page,   input.json
            graph-json-page-array,   input.json
            graph-json-lines,        input.jsonl
            diagnostic-json-records, input.json
            entra-json-portal-array, input.json
            entra-json-utf16le,      input.json
            pypanther-legacy-auth,   azure_legacyauth_events.jsonl
            """)
    void readsAsExpected(String caseName, String fileName)
            throws IOException
    {
        String sourceFile = caseName + "/" + fileName;
        CollectingSink sink = new CollectingSink();
        ExportFormats.ReadResult result;
        try (InputStream stream = getClass().getClassLoader().getResourceAsStream(sourceFile)) {
            assertThat(stream).as(sourceFile).isNotNull();
            result = ExportFormats.read(sourceFile, stream, Optional.empty(), sink);
        }
        String actual = render(sourceFile, result, sink);

        Path expectedFile = RESOURCES.resolve(caseName).resolve("expected.txt");
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(expectedFile, StandardCharsets.UTF_8));
    }

    static String render(String sourceFile, ExportFormats.ReadResult result, CollectingSink sink)
    {
        StringBuilder text = new StringBuilder()
                .append("format: ").append(result.format()).append('\n')
                .append("charset: ").append(result.charset().name()).append('\n');
        for (CollectingSink.Collected collected : sink.signIns()) {
            SignIn signIn = collected.signIn();
            text.append('\n')
                    .append("sign-in at record ").append(collected.record()).append(" (line ").append(collected.line()).append(")\n")
                    .append("  signInId: ").append(signIn.signInId()).append('\n')
                    .append("  createdAt: ").append(signIn.createdAt()).append('\n')
                    .append("  userPrincipalName: ").append(signIn.userPrincipalName()).append('\n')
                    .append("  userId: ").append(shown(signIn.userId())).append('\n')
                    .append("  userDisplayName: ").append(shown(signIn.userDisplayName())).append('\n')
                    .append("  clientApp: ").append(shown(signIn.clientApp())).append('\n')
                    .append("  protocol: ").append(signIn.protocol()).append('\n')
                    .append("  appDisplayName: ").append(shown(signIn.appDisplayName())).append('\n')
                    .append("  ipAddress: ").append(shown(signIn.ipAddress())).append('\n')
                    .append("  location: ").append(shown(signIn.location())).append('\n')
                    .append("  userAgent: ").append(shown(signIn.userAgent())).append('\n')
                    .append("  succeeded: ").append(signIn.succeeded()).append('\n')
                    .append("  errorCode: ").append(signIn.errorCode()).append('\n')
                    .append("  failureReason: ").append(shown(signIn.failureReason())).append('\n');
        }
        for (Reject reject : sink.rejects()) {
            text.append('\n')
                    .append("reject: ").append(reject.message(sourceFile)).append('\n')
                    .append("  raw: ").append(reject.rawText().replace("\r", "\\r").replace("\n", "\\n")).append('\n');
        }
        return text.toString();
    }

    private static String shown(Optional<String> value)
    {
        return value.map(text -> "'" + text + "'").orElse("(absent)");
    }
}
