package io.usagereport.ingest.format.hostile;

import io.usagereport.ingest.format.ExportFormats;
import io.usagereport.ingest.testing.CollectingSink;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bytes that are not valid UTF-8 after the head of a file (so that detection succeeds and the fault comes while
 * records stream): the error names the file and a line at or before the bad bytes (the decoder reads ahead, so the
 * line is where reading stopped, up to some 500 lines before the fault, and depends on buffer sizes), and stays a
 * decoding error. The bad record is on line 3001 (JSON lines) and 3002 (array).
 */
class DecodingErrorMessageTest
{
    private static final String SIGN_IN = "{\"id\":\"id-%d\",\"createdDateTime\":\"2022-01-01T00:00:00Z\","
            + "\"userPrincipalName\":\"user@contoso.com\",\"clientAppUsed\":\"IMAP4\",\"status\":{\"errorCode\":0}}";
    private static final int RECORDS = 3000;

    @Test
    void jsonDocumentDecodingErrorNamesTheFileAndLine()
    {
        assertDecodingError("array.json", "[\n", ",\n", "]\n",
                "Cannot read array\\.json: bytes at or after line (2[5-9]\\d\\d|300[0-2]) are not valid text in the file's"
                        + " character set \\(UTF-8\\); pass --encoding with the file's character set");
    }

    @Test
    void jsonLinesDecodingErrorNamesTheFileAndLine()
    {
        assertDecodingError("lines.jsonl", "", "\n", "",
                "Cannot read lines\\.jsonl: bytes at or after line (2[5-9]\\d\\d|300[01]) are not valid text in the file's"
                        + " character set \\(UTF-8\\); pass --encoding with the file's character set");
    }

    private static void assertDecodingError(String sourceFile, String open, String separator, String close, String messagePattern)
    {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(open.getBytes(StandardCharsets.UTF_8));
        for (int index = 0; index < RECORDS; index++) {
            bytes.writeBytes(SIGN_IN.formatted(index).getBytes(StandardCharsets.UTF_8));
            bytes.writeBytes(separator.getBytes(StandardCharsets.UTF_8));
        }
        bytes.writeBytes("{\"id\":\"bad-\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
        bytes.writeBytes(close.getBytes(StandardCharsets.UTF_8));
        CollectingSink sink = new CollectingSink();

        assertThatThrownBy(() -> ExportFormats.read(sourceFile, new ByteArrayInputStream(bytes.toByteArray()), Optional.empty(), sink))
                .isInstanceOfSatisfying(IOException.class, exception -> assertThat(ExportFormats.isDecodingError(exception)).isTrue())
                .hasMessageMatching(messagePattern);
        assertThat(sink.signIns()).hasSizeGreaterThan(1000);
    }
}
