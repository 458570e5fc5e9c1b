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

    private static final List<String> CSV_SEEDS = List.of(
            "/entra-era-d-57/InteractiveSignIns_2025-05-01_2025-05-31.csv",
            "/entra-era-a-44/InteractiveSignIns_2022-11-01_2022-11-30.csv",
            "/entra-service-principal/ApplicationSignIns_2025-05-01_2025-05-31.csv",
            "/powershell-graph-flattened/signins-mg.csv",
            "/powershell-semicolon/signins-de.csv",
            "/powershell-graph-typename/signins-mg-ja.csv",
            "/loganalytics-2023/query_data.csv",
            "/hostile/time-range-loganalytics.csv");

    private static final List<String> JSON_SEEDS = List.of(
            "/graph-json-single-page/input.json",
            "/graph-json-multi-page/input.json",
            "/graph-json-page-array/input.json",
            "/graph-json-lines/input.jsonl",
            "/diagnostic-json-records/input.json",
            "/entra-json-portal-array/input.json");

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
    void mutatedCsvExportsFailCleanlyAndInventNothing(@ForAll("csvSeeds") String seed, @ForAll("mutations") List<Mutation> mutations)
    {
        checkInvariants(seed, mutations);
    }

    @Property(tries = 200)
    void mutatedJsonExportsFailCleanlyAndInventNothing(@ForAll("jsonSeeds") String seed, @ForAll("mutations") List<Mutation> mutations)
    {
        checkInvariants(seed, mutations);
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

    /** What one read of a mutated text must satisfy; {@code seed} is a resource of valid records. */
    static void checkInvariants(String seed, List<Mutation> mutations)
    {
        String text = resource(seed);
        for (Mutation mutation : mutations) {
            text = mutation.applyTo(text);
        }
        OrderedSink sink = new OrderedSink();
        String outcome = "read";
        try {
            ExportFormats.read(SOURCE_FILE, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), Optional.empty(), sink);
        }
        catch (UsageReportException e) {
            outcome = "file rejected " + e.getMessage().substring(0, Math.min(60, e.getMessage().length()));
            assertThat(e.errorCode()).isEqualTo(ErrorCode.BAD_INPUT);
            assertThat(e.getMessage()).startsWith("Cannot read " + SOURCE_FILE + ": ");
        }
        catch (IOException e) {
            outcome = "cut short";
            assertThat(e.getMessage()).startsWith("Cannot read " + SOURCE_FILE + ": ");
        }
        Statistics.label("outcome").collect(outcome, sink.signIns.isEmpty() ? "no sign-in" : "sign-ins",
                sink.records.size() > sink.signIns.size() ? "rejects" : "no reject");

        assertThat(sink.records).as("record numbers in the order given").isSorted().doesNotHaveDuplicates();
        assertThat(sink.records).allSatisfy(record -> assertThat(record).isPositive());
        assertThat(sink.lines).allSatisfy(line -> assertThat(line).isPositive());
        assertThat((long) sink.records.size()).as("sign-ins and rejects").isLessThanOrEqualTo(plausibleRecords(text));

        String lowerCase = text.toLowerCase(Locale.ROOT);
        Set<Instant> times = null;
        for (SignIn signIn : sink.signIns) {
            assertThat(appears(text, signIn.signInId())).as("sign-in id %s in the text", signIn.signInId()).isTrue();
            assertThat(appears(lowerCase, signIn.userPrincipalName())).as("user %s in the text", signIn.userPrincipalName()).isTrue();
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
