package io.usagereport.ingest.format.hostile;

import io.usagereport.ingest.ErrorCode;
import io.usagereport.ingest.Reject;
import io.usagereport.ingest.SignIn;
import io.usagereport.ingest.SignInSink;
import io.usagereport.ingest.UsageReportException;
import io.usagereport.ingest.format.ExportFormats;
import io.usagereport.ingest.format.SignInTimes;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random mutations of valid exports of every format (cut short, random characters and quotes inserted, lines
 * repeated, cells and ranges dropped), read through {@link ExportFormats#read}: whatever the damage, only
 * {@link UsageReportException} (BAD_INPUT) or an {@link IOException} naming the file may escape, every sign-in comes
 * from values that are in the text, there are no more results than records the text can hold, and record numbers
 * increase.
 */
class ExportFuzzTest
{
    private static final String SOURCE_FILE = "fuzzed-export";
    private static final java.util.Map<String, Set<Instant>> SEED_TIMES = new java.util.concurrent.ConcurrentHashMap<>();

    private static final List<String> CSV_SEEDS = List.of(
            "/entra-era-d-57/InteractiveSignIns_2025-05-01_2025-05-31.csv",
            "/entra-era-a-44/InteractiveSignIns_2022-11-01_2022-11-30.csv",
            "/entra-service-principal/ApplicationSignIns_2025-05-01_2025-05-31.csv",
            "/powershell-graph-flattened/signins-mg.csv",
            "/powershell-semicolon/signins-de.csv",
            "/powershell-graph-typename/signins-mg-ja.csv",
            "/entra-malformed/InteractiveSignIns_2025-05-01_2025-05-31.csv",
            "/entra-utf8-bom/NonInteractiveSignIns_2025-06-01_2025-06-30.csv",
            "/loganalytics-2023/query_data.csv",
            "/hostile/time-range-loganalytics.csv");

    private static final List<String> JSON_SEEDS = List.of(
            "/graph-json-single-page/input.json",
            "/graph-json-multi-page/input.json",
            "/graph-json-page-array/input.json",
            "/graph-json-lines/input.jsonl",
            "/diagnostic-json-records/input.json",
            "/entra-json-portal-array/input.json",
            "/pypanther-legacy-auth/azure_legacyauth_events.jsonl");

    /**
     * One change to a text; positions are taken modulo the length of the text, or of the text after its first line
     * when {@code keepHeader} (so that most changes hit records, not the header that decides the format).
     */
    record Mutation(Kind kind, boolean keepHeader, int position, int length, String inserted)
    {
        String applyTo(String text)
        {
            if (text.isEmpty()) {
                return kind == Kind.INSERT ? inserted : text;
            }
            int from = keepHeader ? Math.max(0, text.indexOf('\n') + 1) : 0;
            int at = from + Math.floorMod(position, text.length() - from + 1);
            int end = Math.min(text.length(), at + length);
            return switch (kind) {
                case TRUNCATE -> text.substring(0, at);
                case INSERT -> text.substring(0, at) + inserted + text.substring(at);
                case DELETE -> text.substring(0, at) + text.substring(end);
                case DUPLICATE_LINE -> duplicateLine(text, at);
                case DROP_CELL -> dropCell(text, at);
            };
        }

        private static String duplicateLine(String text, int at)
        {
            int start = text.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
            int end = text.indexOf('\n', at);
            String line = end < 0 ? text.substring(start) + "\n" : text.substring(start, end + 1);
            return text.substring(0, start) + line + text.substring(start);
        }

        private static String dropCell(String text, int at)
        {
            int start = text.indexOf(',', at);
            if (start < 0) {
                return text;
            }
            int end = text.indexOf(',', start + 1);
            return end < 0 ? text.substring(0, start) : text.substring(0, start) + text.substring(end);
        }
    }

    enum Kind
    {
        TRUNCATE,
        INSERT,
        DELETE,
        DUPLICATE_LINE,
        DROP_CELL
    }

    @Property(tries = 200)
    void mutatedCsvExportsFailCleanlyAndInventNothing(@ForAll("csvSeeds") String seed, @ForAll("mutations") List<Mutation> mutations,
            @ForAll("badBytes") Optional<BadBytes> badBytes)
    {
        checkInvariants(seed, mutations, badBytes);
    }

    @Property(tries = 200)
    void mutatedJsonExportsFailCleanlyAndInventNothing(@ForAll("jsonSeeds") String seed, @ForAll("mutations") List<Mutation> mutations,
            @ForAll("badBytes") Optional<BadBytes> badBytes)
    {
        checkInvariants(seed, mutations, badBytes);
    }

    /**
     * Bad bytes after the head that format detection decodes (256 KiB), so that the fault comes while records
     * stream: the seed's records are repeated past the head first.
     */
    @Property(tries = 12)
    void badBytesAfterTheHeadFailCleanly(@ForAll("allSeeds") String seed, @ForAll("badBytes") Optional<BadBytes> badBytes)
    {
        String text = resource(seed);
        String body = seed.endsWith(".jsonl") ? text : text.substring(text.indexOf('\n') + 1);
        String padded = text + body.repeat(300_000 / Math.max(1, body.length()) + 1);
        BadBytes bad = badBytes.orElse(new BadBytes(0, new byte[] {(byte) 0xFF}));
        checkInvariants(padded, List.of(), Optional.of(new BadBytes(270_000 + Math.floorMod(bad.position(), 20_000), bad.bytes())));
    }

    @Provide
    Arbitrary<String> allSeeds()
    {
        List<String> seeds = new ArrayList<>(CSV_SEEDS);
        seeds.add("/graph-json-lines/input.jsonl");
        seeds.add("/pypanther-legacy-auth/azure_legacyauth_events.jsonl");
        return Arbitraries.of(seeds);
    }

    /** Bytes put into the encoded text: invalid UTF-8, a NUL, a byte order mark in the middle. */
    record BadBytes(int position, byte[] bytes)
    {
        byte[] applyTo(byte[] encoded)
        {
            int at = Math.floorMod(position, encoded.length + 1);
            byte[] result = new byte[encoded.length + bytes.length];
            System.arraycopy(encoded, 0, result, 0, at);
            System.arraycopy(bytes, 0, result, at, bytes.length);
            System.arraycopy(encoded, at, result, at + bytes.length, encoded.length - at);
            return result;
        }

        @Override
        public String toString()
        {
            return "BadBytes[" + position + ", " + java.util.HexFormat.of().formatHex(bytes) + "]";
        }
    }

    @Provide
    Arbitrary<Optional<BadBytes>> badBytes()
    {
        Arbitrary<byte[]> bytes = Arbitraries.of(
                new byte[] {(byte) 0xFF},
                new byte[] {(byte) 0xC3},
                new byte[] {(byte) 0xE3, (byte) 0x81},
                new byte[] {0},
                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                new byte[] {(byte) 0x82, (byte) 0xA0});
        return Combinators.combine(Arbitraries.integers().between(0, 20_000), bytes).as(BadBytes::new).optional(0.25);
    }

    @Provide
    Arbitrary<String> csvSeeds()
    {
        return Arbitraries.of(CSV_SEEDS);
    }

    @Provide
    Arbitrary<String> jsonSeeds()
    {
        return Arbitraries.of(JSON_SEEDS);
    }

    @Provide
    Arbitrary<List<Mutation>> mutations()
    {
        Arbitrary<String> inserted = Arbitraries.strings()
                .withChars('"', ',', ';', '\n', '\r', '{', '}', '[', ']', ':', ' ', 'x', '0', 'é', '\u3042')
                .ofMinLength(1)
                .ofMaxLength(6);
        Arbitrary<Kind> kind = Arbitraries.frequency(
                Tuple.of(1, Kind.TRUNCATE),
                Tuple.of(5, Kind.INSERT),
                Tuple.of(2, Kind.DELETE),
                Tuple.of(2, Kind.DUPLICATE_LINE),
                Tuple.of(2, Kind.DROP_CELL));
        Arbitrary<Mutation> mutation = Combinators.combine(
                        kind,
                        Arbitraries.of(true, true, true, true, false),
                        Arbitraries.integers().between(0, 20_000),
                        Arbitraries.integers().between(1, 400),
                        inserted)
                .as(Mutation::new);
        return mutation.list().ofMinSize(1).ofMaxSize(4);
    }

    /** What one read of a mutated text must satisfy; {@code seed} is a resource of valid records, or their text. */
    static void checkInvariants(String seed, List<Mutation> mutations, Optional<BadBytes> badBytes)
    {
        String text = seed.startsWith("/") ? resource(seed) : seed;
        for (Mutation mutation : mutations) {
            text = mutation.applyTo(text);
        }
        byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
        if (badBytes.isPresent()) {
            encoded = badBytes.get().applyTo(encoded);
        }
        OrderedSink sink = new OrderedSink();
        String outcome = "read";
        try {
            ExportFormats.read(SOURCE_FILE, new ByteArrayInputStream(encoded), Optional.empty(), sink);
        }
        catch (UsageReportException e) {
            outcome = "file rejected";
            assertThat(e.errorCode()).isEqualTo(ErrorCode.BAD_INPUT);
            assertThat(e.getMessage()).startsWith("Cannot read " + SOURCE_FILE + ": ");
        }
        catch (IOException e) {
            outcome = "cut short";
            assertThat(e.getMessage()).startsWith("Cannot read " + SOURCE_FILE + ": ");
        }
        Statistics.label("outcome").collect(outcome, sink.signIns.isEmpty() ? "no sign-in" : "sign-ins",
                sink.records.size() > sink.signIns.size() ? "rejects" : "no reject");

        // what the reader saw, bad bytes included (as replacement characters when they are not UTF-8)
        text = new String(encoded, StandardCharsets.UTF_8);
        assertThat(sink.records).as("record numbers in the order given").isSorted().doesNotHaveDuplicates();
        assertThat(sink.records).allSatisfy(record -> assertThat(record).isPositive());
        long lineBreaks = text.chars().filter(c -> c == '\n' || c == '\r').count();
        assertThat(sink.lines).allSatisfy(line -> assertThat(line).isPositive().isLessThanOrEqualTo(lineBreaks + 1));
        assertThat((long) sink.records.size()).as("sign-ins and rejects").isLessThanOrEqualTo(plausibleRecords(text));

        String lowerCase = text.toLowerCase(Locale.ROOT);
        Set<Instant> seedTimes = SEED_TIMES.computeIfAbsent(seed, key -> timesIn(key.startsWith("/") ? resource(key) : key));
        Set<Instant> times = null;
        for (SignIn signIn : sink.signIns) {
            assertThat(appears(text, signIn.signInId())).as("sign-in id %s in the text", signIn.signInId()).isTrue();
            assertThat(appears(lowerCase, signIn.userPrincipalName())).as("user %s in the text", signIn.userPrincipalName()).isTrue();
            if (seedTimes.contains(signIn.createdAt()) && text.length() > 100_000) {
                // a padded seed: its times are the seed's, and looking through it again is slow
                continue;
            }
            if (times == null) {
                times = timesIn(text);
            }
            assertThat(times).as("times written in the text").contains(signIn.createdAt());
        }
    }

    /** At most one record per line break, object or comma, and one more: a loose bound that catches runaway loops. */
    private static long plausibleRecords(String text)
    {
        return 1 + text.chars().filter(c -> c == '\n' || c == '\r' || c == '{' || c == ',').count();
    }

    /** Whether {@code value} is in {@code text} as written, or with its quotes doubled as CSV writes them. */
    private static boolean appears(String text, String value)
    {
        return text.contains(value) || text.contains(value.replace("\"", "\"\""));
    }

    /** Every instant a piece of the text between separators reads as. */
    private static Set<Instant> timesIn(String text)
    {
        Set<Instant> times = new HashSet<>();
        for (String separators : List.of("[\"\\r\\n{}\\[\\]]", "[\",;\\r\\n{}\\[\\]]")) {
            for (String piece : text.split(separators)) {
                if (piece.length() >= 8 && piece.length() <= 60) {
                    SignInTimes.parse(piece).ifPresent(times::add);
                }
            }
        }
        return times;
    }

    private static String resource(String name)
    {
        try (InputStream stream = ExportFuzzTest.class.getResourceAsStream(name)) {
            String text = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps sign-ins and the record numbers of sign-ins and rejects in the order the reader gave them. */
    private static final class OrderedSink
            implements SignInSink
    {
        final List<SignIn> signIns = new ArrayList<>();
        final List<Long> records = new ArrayList<>();
        final List<Long> lines = new ArrayList<>();

        @Override
        public void signIn(SignIn signIn, long record, long line)
        {
            signIns.add(signIn);
            records.add(record);
            lines.add(line);
        }

        @Override
        public void reject(Reject reject)
        {
            records.add(reject.record());
            lines.add(reject.line());
        }
    }
}
