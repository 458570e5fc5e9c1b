package io.usagereport.ingest.format;

import io.usagereport.ingest.ErrorCode;
import io.usagereport.ingest.SignInSink;
import io.usagereport.ingest.UsageReportException;
import io.usagereport.ingest.format.entra.EntraCsvFormat;
import io.usagereport.ingest.format.loganalytics.LogAnalyticsCsvFormat;
import io.usagereport.ingest.format.powershell.PowerShellCsvFormat;
import io.usagereport.ingest.format.graph.JsonExportFormat;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The registry of export formats, and the one way to read an export: detect its encoding, recognise its format
 * from its content (never from its name), then stream its records.
 *
 * <p>Encodings: a UTF-8, UTF-16LE or UTF-16BE byte order mark wins; without one, the file is UTF-8 unless the
 * caller names another character set (Shift_JIS / windows-31j from Excel on Japanese Windows, for example).
 * Decoding is strict, so a file in the wrong encoding is reported, never read as mojibake.
 */
public final class ExportFormats
{
    private static final int HEAD_BYTES = 4 * ExportInput.HEAD_CHARACTERS;

    /**
     * Tried in this order; the first that recognises a file reads it. Adding a format is one line here.
     * JSON formats recognise a head that starts with a bracket and known sign-in properties. The CSV formats
     * recognise disjoint headers (portal: {@code Date (UTC)}; Log Analytics: {@code [UTC]} suffixes,
     * {@code ResultType}, {@code LocationDetails}; PowerShell: plain {@code CreatedDateTime} and none of those), and
     * are listed most specific first all the same.
     */
    private static final List<ExportFormat> FORMATS = List.of(
            JsonExportFormat.entra(),
            JsonExportFormat.graph(),
            JsonExportFormat.diagnostic(),
            new EntraCsvFormat(),
            new LogAnalyticsCsvFormat(),
            new PowerShellCsvFormat());

    private ExportFormats() {}

    /** The formats, in detection order. */
    public static List<ExportFormat> all()
    {
        return FORMATS;
    }

    /** What reading one file found out. */
    public record ReadResult(String format, Charset charset)
    {
        public ReadResult
        {
            requireNonNull(format, "format is null");
            requireNonNull(charset, "charset is null");
        }
    }

    /**
     * Reads one export into {@code sink}.
     *
     * @param sourceFile the file's name as messages show it
     * @param encoding the character set to use when the file has no byte order mark; empty means UTF-8
     * @throws UsageReportException with {@link ErrorCode#BAD_INPUT} when the file is empty, is not text in the
     *         expected encoding, or matches no known format
     * @throws IOException when the file cannot be read, or cannot be decoded past its start
     */
    public static ReadResult read(String sourceFile, InputStream stream, Optional<Charset> encoding, SignInSink sink)
            throws IOException
    {
        requireNonNull(sourceFile, "sourceFile is null");
        requireNonNull(stream, "stream is null");
        requireNonNull(encoding, "encoding is null");
        requireNonNull(sink, "sink is null");

        BufferedInputStream input = new BufferedInputStream(stream, HEAD_BYTES);
        input.mark(HEAD_BYTES);
        byte[] headBytes = input.readNBytes(HEAD_BYTES);
        input.reset();
        if (headBytes.length == 0) {
            throw new UsageReportException(ErrorCode.BAD_INPUT, "Cannot read " + sourceFile + ": the file is empty");
        }

        Bom bom = Bom.of(headBytes);
        Charset charset = bom.charset().orElse(encoding.orElse(StandardCharsets.UTF_8));
        if (bom.charset().isEmpty()) {
            rejectBinary(sourceFile, headBytes, charset);
        }
        input.skipNBytes(bom.length());
        String head = decodeHead(sourceFile, headBytes, bom.length(), charset, headBytes.length < HEAD_BYTES);
        if (head.indexOf('\0') >= 0) {
            throw new UsageReportException(ErrorCode.BAD_INPUT, "Cannot read " + sourceFile
                    + ": the file is binary, not a text export (it contains NUL characters as " + charset.name() + ")");
        }

        for (ExportFormat format : FORMATS) {
            if (format.recognizes(head)) {
                Reader reader = new InputStreamReader(input, strictDecoder(charset));
                format.read(new ExportInput(sourceFile, charset, reader), sink);
                return new ReadResult(format.name(), charset);
            }
        }
        throw new UsageReportException(ErrorCode.BAD_INPUT, "Cannot read " + sourceFile
                + ": its content matches no known sign-in export format (it starts with '" + firstLine(head) + "')");
    }

    /** Fails for a file that starts like a known binary format, or like UTF-16 text read as something else. */
    private static void rejectBinary(String sourceFile, byte[] headBytes, Charset charset)
    {
        Optional<String> binary = BinaryContent.knownSignature(headBytes);
        if (binary.isPresent()) {
            throw new UsageReportException(ErrorCode.BAD_INPUT, "Cannot read " + sourceFile + ": the file is "
                    + binary.get() + ", not a text export");
        }
        Optional<String> utf16 = BinaryContent.utf16WithoutBom(headBytes);
        if (utf16.isPresent() && !charset.name().startsWith("UTF-16")) {
            throw new UsageReportException(ErrorCode.BAD_INPUT, "Cannot read " + sourceFile + ": the file looks like "
                    + utf16.get() + " text without a byte order mark; pass --encoding " + utf16.get());
        }
    }

    private static String decodeHead(String sourceFile, byte[] bytes, int offset, Charset charset, boolean wholeFile)
    {
        CharsetDecoder decoder = strictDecoder(charset);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate(bytes.length + 16);
        CoderResult result = decoder.decode(in, out, wholeFile);
        if (result.isError()) {
            long position = in.position();
            throw new UsageReportException(ErrorCode.BAD_INPUT, "Cannot read " + sourceFile + ": byte " + position
                    + " is not valid " + charset.name() + hint(charset));
        }
        if (wholeFile) {
            CoderResult flush = decoder.flush(out);
            if (flush.isError()) {
                throw new UsageReportException(ErrorCode.BAD_INPUT, "Cannot read " + sourceFile + ": the file ends inside a "
                        + charset.name() + " character" + hint(charset));
            }
        }
        out.flip();
        return out.toString();
    }

    private static String hint(Charset charset)
    {
        if (charset.equals(StandardCharsets.UTF_8)) {
            return "; if it was saved by Excel on Japanese Windows, pass --encoding Shift_JIS";
        }
        return "";
    }

    /** A decoder that reports bad bytes instead of replacing them. */
    static CharsetDecoder strictDecoder(Charset charset)
    {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static String firstLine(String head)
    {
        int end = head.indexOf('\n');
        String line = (end < 0 ? head : head.substring(0, end)).strip();
        if (line.length() > 120) {
            return line.substring(0, 120) + "…";
        }
        return line;
    }

    /** Tells whether decoding failed because of the bytes, for callers that catch {@link IOException}. */
    public static boolean isDecodingError(IOException exception)
    {
        return exception instanceof CharacterCodingException;
    }

    private record Bom(Optional<Charset> charset, int length)
    {
        static Bom of(byte[] bytes)
        {
            if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
                return new Bom(Optional.of(StandardCharsets.UTF_8), 3);
            }
            if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
                return new Bom(Optional.of(StandardCharsets.UTF_16LE), 2);
            }
            if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
                return new Bom(Optional.of(StandardCharsets.UTF_16BE), 2);
            }
            return new Bom(Optional.empty(), 0);
        }
    }
}
