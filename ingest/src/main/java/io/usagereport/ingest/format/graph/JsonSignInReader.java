package io.usagereport.ingest.format.graph;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.usagereport.ingest.Reject;
import io.usagereport.ingest.SignInSink;
import io.usagereport.ingest.format.ExportInput;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Streams sign-in records out of any of the JSON shapes Microsoft writes them in, one record in memory at a time.
 *
 * <p>A file is a sequence of JSON values (pages written one after another need no separator). Each value is an
 * object or an array of objects. An object whose {@code value} (Graph page) or {@code records} (diagnostic
 * settings) property is an array is a container: its elements are the records, streamed one by one, and its other
 * properties ({@code @odata.context}, {@code @odata.nextLink}) are ignored. Any other object is one record; any
 * other value where a record is expected is rejected as not an object.
 *
 * <p>When the file's first line is one complete JSON object, the file is read as JSON lines: every line is parsed
 * on its own, and a line that is not valid JSON is rejected while reading goes on with the next line (records a
 * broken line yielded before the point where it breaks are kept). Otherwise the file is one JSON text, and
 * malformed JSON ends it with an {@link IOException} that names the line and column.
 */
final class JsonSignInReader
{
    /**
     * Longest string value accepted: far above any real sign-in property, small enough that a hostile string ends
     * the file with an error instead of exhausting a small heap (the same bound as a CSV record's).
     */
    static final int MAX_STRING_CHARACTERS = 8 * 1024 * 1024;
    /** Records longer than this are re-serialised for rejects instead of being copied from the file. */
    static final int MAX_CAPTURED_CHARACTERS = 1024 * 1024;
    private static final int BUFFER_CHARACTERS = 64 * 1024;
    private static final Set<String> RECORD_LISTS = Set.of("value", "records");
    private static final String EXPECTED_LINE = "one JSON object per line";

    static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_STRING_CHARACTERS).build())
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();
    private static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY).build();

    private JsonSignInReader() {}

    static void read(ExportInput input, SignInSink sink)
            throws IOException
    {
        BufferedReader reader = new BufferedReader(input.reader(), BUFFER_CHARACTERS);
        Records records = new Records(sink);
        if (firstLineIsOneObject(reader)) {
            readLines(input, reader, records);
        }
        else {
            readDocument(input, reader, records);
        }
    }

    private static void readDocument(ExportInput input, Reader reader, Records records)
            throws IOException
    {
        String sourceFile = input.sourceFile();
        CapturingReader capturing = new CapturingReader(reader, MAX_CAPTURED_CHARACTERS);
        try (JsonParser parser = FACTORY.createParser(capturing)) {
            try {
                records.readValues(parser, capturing, 1);
            }
            catch (JsonProcessingException e) {
                // a size limit (StreamConstraintsException) carries no location: the parser's is where it stopped
                JsonLocation location = Optional.ofNullable(e.getLocation()).orElseGet(parser::currentLocation);
                throw new IOException("Cannot read " + sourceFile + ": invalid JSON at line " + location.getLineNr()
                        + ", column " + location.getColumnNr() + ": " + reason(e), e);
            }
            catch (CharacterCodingException e) {
                throw new JsonDecodingException(sourceFile, parser.currentLocation().getLineNr(), input.charset(), e);
            }
        }
    }

    private static void readLines(ExportInput input, BufferedReader reader, Records records)
            throws IOException
    {
        long lineNumber = 0;
        String line;
        while ((line = readLine(input, reader, lineNumber)) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            try (JsonParser parser = FACTORY.createParser(line)) {
                records.readValues(parser, SourceText.of(line), lineNumber);
            }
            catch (JsonProcessingException e) {
                String column = Optional.ofNullable(e.getLocation()).map(location -> "column " + location.getColumnNr() + ": ").orElse("");
                records.reject(lineNumber, "Malformed JSON line (" + column + reason(e) + ")", line);
            }
        }
    }

    /** The next line, or null at the end; bad bytes raise a {@link JsonDecodingException} naming the line. */
    private static String readLine(ExportInput input, BufferedReader reader, long linesRead)
            throws IOException
    {
        try {
            return reader.readLine();
        }
        catch (CharacterCodingException e) {
            throw new JsonDecodingException(input.sourceFile(), linesRead + 1, input.charset(), e);
        }
    }

    /**
     * Whether the first line that is not blank holds complete JSON values, the first an object: the mark of JSON
     * lines. Looks at most {@link ExportInput#HEAD_CHARACTERS} characters ahead.
     */
    private static boolean firstLineIsOneObject(BufferedReader reader)
            throws IOException
    {
        reader.mark(ExportInput.HEAD_CHARACTERS + 1);
        StringBuilder line = new StringBuilder();
        int characters = 0;
        while (characters <= ExportInput.HEAD_CHARACTERS) {
            int character = reader.read();
            characters++;
            if (character < 0) {
                break;
            }
            if (character == '\n' || character == '\r') {
                if (!line.toString().isBlank()) {
                    break;
                }
                line.setLength(0);
                continue;
            }
            line.append((char) character);
        }
        reader.reset();
        if (characters > ExportInput.HEAD_CHARACTERS || !line.toString().strip().startsWith("{")) {
            return false;
        }
        try (JsonParser parser = FACTORY.createParser(line.toString())) {
            while (parser.nextToken() != null) {
                parser.skipChildren();
            }
            return true;
        }
        catch (JsonProcessingException e) {
            return false;
        }
    }

    /** Jackson's reason, without the location it appends (the caller says where). */
    private static String reason(JsonProcessingException exception)
    {
        String message = Optional.ofNullable(exception.getOriginalMessage()).orElse(exception.getClass().getSimpleName());
        int end = message.indexOf('\n');
        if (end >= 0) {
            message = message.substring(0, end);
        }
        return message.replaceAll("\\s*\\(start marker at \\[[^\\]]*\\]\\)", "")
                .replaceAll(", from `StreamReadConstraints[^`]*`", "")
                .strip();
    }

    /** Counts records across the values of one file and hands each to the mapping. */
    private static final class Records
    {
        private final SignInSink sink;
        private long count;

        Records(SignInSink sink)
        {
            this.sink = sink;
        }

        /** Reads every value of {@code parser}; {@code firstLine} is the physical line of the parser's line 1. */
        void readValues(JsonParser parser, SourceText text, long firstLine)
                throws IOException
        {
            JsonToken token = parser.nextToken();
            while (token != null) {
                if (token == JsonToken.START_ARRAY) {
                    token = next(parser);
                    while (token != JsonToken.END_ARRAY) {
                        readElement(parser, token, true, text, firstLine);
                        token = next(parser);
                    }
                }
                else {
                    readElement(parser, token, true, text, firstLine);
                }
                token = parser.nextToken();
            }
        }

        /** Reads the value starting at {@code token}: a container (when allowed) or one record. */
        private void readElement(JsonParser parser, JsonToken token, boolean containerAllowed, SourceText text, long firstLine)
                throws IOException
        {
            JsonLocation start = parser.currentTokenLocation();
            long startOffset = start.getCharOffset();
            long line = firstLine + start.getLineNr() - 1;
            text.keepFrom(startOffset);
            if (token != JsonToken.START_OBJECT) {
                JsonNode value = MAPPER.readTree(parser);
                long endOffset = parser.currentLocation().getCharOffset();
                count++;
                String raw = text.slice(startOffset, endOffset).orElseGet(value::toString);
                sink.reject(new Reject(count, line, Optional.empty(), "Not a JSON object", Optional.of(value.toString()),
                        Optional.of("a sign-in object"), raw));
                return;
            }
            ObjectNode object = JsonNodeFactory.instance.objectNode();
            boolean container = false;
            token = next(parser);
            while (token == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                token = next(parser);
                if (containerAllowed && token == JsonToken.START_ARRAY && RECORD_LISTS.contains(name.toLowerCase(Locale.ROOT))) {
                    container = true;
                    token = next(parser);
                    while (token != JsonToken.END_ARRAY) {
                        readElement(parser, token, false, text, firstLine);
                        token = next(parser);
                    }
                }
                else {
                    object.set(name, MAPPER.readTree(parser));
                }
                token = next(parser);
            }
            if (container) {
                return;
            }
            long endOffset = parser.currentLocation().getCharOffset();
            count++;
            SignInObjects.map(object,
                    new SignInObjects.Position(count, line, () -> text.slice(startOffset, endOffset).orElseGet(object::toString)),
                    sink);
        }

        void reject(long line, String problem, String rawText)
        {
            count++;
            sink.reject(new Reject(count, line, Optional.empty(), problem, Optional.empty(), Optional.of(EXPECTED_LINE), rawText));
        }

        private static JsonToken next(JsonParser parser)
                throws IOException
        {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new JsonParseException(parser, "Unexpected end of input inside a JSON value");
            }
            return token;
        }
    }
}
