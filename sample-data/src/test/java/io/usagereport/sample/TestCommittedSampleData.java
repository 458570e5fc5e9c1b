package io.usagereport.sample;

import io.usagereport.ingest.ClientApps;
import io.usagereport.ingest.Protocol;
import io.usagereport.ingest.format.SignInTimes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The committed sample data: never drifts from the generator, and holds what its README promises. */
class TestCommittedSampleData
{
    private static final Path SAMPLE_DATA = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
    private static final Path EXPORTS = SAMPLE_DATA.resolve("exports");
    private static final YearMonth MONTH = YearMonth.of(2022, 9);

    @TempDir
    static Path temporary;

    private static SampleResult result;
    private static final Map<Path, List<ExportRows.Row>> ROWS = new HashMap<>();

    @BeforeAll
    static void regenerate()
            throws IOException
    {
        if (Boolean.getBoolean("sample.regenerate")) {
            // -Dsample.regenerate=true rewrites the committed files (after a deliberate change to the generator)
            try (Stream<Path> stale = Files.walk(EXPORTS)) {
                for (Path path : stale.sorted(java.util.Comparator.reverseOrder()).collect(Collectors.toList())) {
                    Files.delete(path);
                }
            }
            SampleGenerator.generate(RegenerateSampleData.options(SAMPLE_DATA));
        }
        result = SampleGenerator.generate(RegenerateSampleData.options(temporary));
        for (Path file : relativeFiles(EXPORTS)) {
            ROWS.put(EXPORTS.resolve(file), ExportRows.read(EXPORTS.resolve(file)));
        }
    }

    private static List<ExportRows.Row> rows(Path file)
    {
        return ROWS.get(file);
    }

    @Test
    void committedFilesAreByteIdenticalToARegeneration()
            throws IOException
    {
        List<Path> committed = relativeFiles(EXPORTS);
        assertThat(committed).hasSize(11);
        assertThat(relativeFiles(temporary.resolve("exports"))).isEqualTo(committed);
        for (Path file : committed) {
            assertThat(Files.mismatch(EXPORTS.resolve(file), temporary.resolve("exports").resolve(file)))
                    .as("committed %s differs from a regeneration; rerun RegenerateSampleData", file)
                    .isEqualTo(-1L);
        }
        assertThat(Files.mismatch(SAMPLE_DATA.resolve("tenants.csv"), temporary.resolve("tenants.csv"))).isEqualTo(-1L);
        assertThat(Files.mismatch(SAMPLE_DATA.resolve("expected-usage.csv"), temporary.resolve("expected-usage.csv")))
                .isEqualTo(-1L);
    }

    @Test
    void committedDataIsSmall()
            throws IOException
    {
        long bytes = 0;
        for (Path file : relativeFiles(EXPORTS)) {
            bytes += Files.size(EXPORTS.resolve(file));
        }
        assertThat(bytes).isLessThan(5_000_000L);
    }

    @Test
    void tenantsFile()
            throws IOException
    {
        List<String> lines = Files.readAllLines(SAMPLE_DATA.resolve("tenants.csv"));
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).isEqualTo("tenant_id,name,cloud,opted_out,re_enabled,disabled_on");
        assertThat(lines.subList(1, 6)).extracting(line -> line.substring(37)).containsExactly(
                "Contoso Japan K.K.,commercial,EAS,,",
                "Fabrikam Print & Design,commercial,,,",
                "Tailspin Toys GmbH,commercial,,,",
                "Woodgrove County Government,gcc,,,",
                "Litware Dental Clinic,commercial,,POP@2022-10-20,2022-10-05");
        for (int index = 0; index < 5; index++) {
            assertThat(lines.get(index + 1).substring(0, 36)).isEqualTo(result.tenants().get(index).tenantId());
            assertThat(EXPORTS.resolve(result.tenants().get(index).tenantId())).isDirectory();
        }
    }

    /** Reading the files back (deduplicated by id, month by UTC time) gives exactly the generator's figures. */
    @Test
    void filesHoldTheExpectedFigures()
            throws IOException
    {
        List<SampleResult.ProtocolUsage> computed = new ArrayList<>();
        for (SampleResult.TenantSummary tenant : result.tenants()) {
            Map<String, ExportRows.Row> unique = new HashMap<>();
            long rows = 0;
            long malformed = 0;
            for (Path file : tenantFiles(tenant.tenantId())) {
                for (ExportRows.Row row : rows(file)) {
                    Optional<Instant> time = SignInTimes.parse(row.time());
                    if (time.isEmpty() || row.userPrincipalName().isEmpty()) {
                        malformed++;
                        continue;
                    }
                    rows++;
                    ExportRows.Row previous = unique.putIfAbsent(row.id(), row);
                    if (previous != null) {
                        // the same sign-in in two files: same user, same second
                        assertThat(previous.userPrincipalName()).isEqualTo(row.userPrincipalName());
                        assertThat(SignInTimes.parse(previous.time()).orElseThrow().getEpochSecond())
                                .isEqualTo(time.get().getEpochSecond());
                    }
                }
            }
            assertThat(unique).hasSize((int) tenant.signIns());
            assertThat(rows - unique.size()).isEqualTo(tenant.duplicateRows());
            assertThat(malformed).isEqualTo(tenant.malformedRows());

            Map<Protocol, long[]> counts = new TreeMap<>();
            Map<Protocol, Set<String>> users = new HashMap<>();
            Map<Protocol, Set<String>> attempting = new HashMap<>();
            for (ExportRows.Row row : unique.values()) {
                Instant time = SignInTimes.parse(row.time()).orElseThrow();
                if (!YearMonth.from(time.atOffset(ZoneOffset.UTC)).equals(MONTH)) {
                    continue;
                }
                Protocol protocol = ClientApps.map(Optional.of(row.clientApp())).protocol();
                if (!protocol.basicAuth()) {
                    continue;
                }
                boolean succeeded = row.errorCode().isEmpty() || row.errorCode().equals("0");
                long[] count = counts.computeIfAbsent(protocol, ignored -> new long[3]);
                count[0]++;
                count[succeeded ? 1 : 2]++;
                attempting.computeIfAbsent(protocol, ignored -> new HashSet<>()).add(row.userPrincipalName());
                if (succeeded) {
                    users.computeIfAbsent(protocol, ignored -> new HashSet<>()).add(row.userPrincipalName());
                }
            }
            counts.forEach((protocol, count) -> computed.add(new SampleResult.ProtocolUsage(tenant.tenantId(), protocol,
                    users.getOrDefault(protocol, Set.of()).size(), attempting.get(protocol).size(), count[0], count[1], count[2])));
        }
        assertThat(computed).isEqualTo(result.usage());
    }

    @Test
    void expectedFigures()
    {
        // the headline figures the README quotes
        Map<String, Long> users = result.usage().stream().collect(Collectors.toMap(
                usage -> tenantName(usage.tenantId()) + "/" + usage.protocol(), SampleResult.ProtocolUsage::users));
        assertThat(users).containsEntry("Contoso Japan K.K./EAS", 6L)
                .containsEntry("Contoso Japan K.K./IMAP", 5L)
                .containsEntry("Fabrikam Print & Design/SMTP_AUTH", 6L)
                .containsEntry("Woodgrove County Government/EWS", 4L)
                .containsEntry("Woodgrove County Government/SMTP_AUTH", 0L)
                .containsEntry("Litware Dental Clinic/POP", 9L);
        assertThat(users.keySet()).noneMatch(key -> key.startsWith("Tailspin Toys GmbH/"));
        assertThat(result.tenants()).extracting(SampleResult.TenantSummary::malformedRows).containsExactly(3L, 0L, 0L, 0L, 0L);
    }

    @Test
    void sameSignInKeepsItsIdAcrossFormats()
            throws IOException
    {
        String tenant = result.tenants().get(0).tenantId();
        Map<String, ExportRows.Row> csv = byId(EXPORTS.resolve(tenant).resolve("InteractiveSignIns_2022-08-31_2022-09-15.csv"));
        Map<String, ExportRows.Row> graph = byId(EXPORTS.resolve(tenant).resolve("graph-signIns_2022-09-10_2022-10-01.json"));
        Set<String> both = new HashSet<>(csv.keySet());
        both.retainAll(graph.keySet());
        assertThat(both).hasSizeGreaterThan(10);
        for (String id : both) {
            assertThat(graph.get(id).userPrincipalName()).isEqualTo(csv.get(id).userPrincipalName());
            assertThat(graph.get(id).clientApp()).isEqualTo(csv.get(id).clientApp());
            assertThat(graph.get(id).time()).isEqualTo(csv.get(id).time());
            LocalDate day = LocalDate.ofInstant(SignInTimes.parse(csv.get(id).time()).orElseThrow(), ZoneOffset.UTC);
            assertThat(day).isBetween(LocalDate.of(2022, 9, 10), LocalDate.of(2022, 9, 15));
        }
    }

    @Test
    void malformedRows()
            throws IOException
    {
        String tenant = result.tenants().get(0).tenantId();
        List<ExportRows.Row> rows = rows(EXPORTS.resolve(tenant).resolve("NonInteractiveSignIns_2022-08-31_2022-10-01.csv"));
        assertThat(rows).filteredOn(row -> SignInTimes.parse(row.time()).isEmpty())
                .extracting(ExportRows.Row::time)
                .containsExactly("2022-09-31T08:15:22Z", "2022-13-01T11:42:05Z");
        assertThat(rows).filteredOn(row -> row.userPrincipalName().isEmpty()).hasSize(1);
    }

    @Test
    void everyOtherTimeParsesAndSomeFallOnTheNeighbouringMonths()
            throws IOException
    {
        Set<LocalDate> days = new HashSet<>();
        long rows = 0;
        for (SampleResult.TenantSummary tenant : result.tenants()) {
            for (Path file : tenantFiles(tenant.tenantId())) {
                for (ExportRows.Row row : rows(file)) {
                    if (row.time().startsWith("2022-09-31") || row.time().startsWith("2022-13")) {
                        continue;
                    }
                    Optional<Instant> time = SignInTimes.parse(row.time());
                    assertThat(time).as("time '%s' in %s", row.time(), file.getFileName()).isPresent();
                    days.add(LocalDate.ofInstant(time.get(), ZoneOffset.UTC));
                    rows++;
                }
            }
        }
        assertThat(rows).isEqualTo(result.tenants().stream()
                .mapToLong(tenant -> tenant.signIns() + tenant.duplicateRows() + tenant.malformedRows()).sum() - 2);
        assertThat(days).contains(LocalDate.of(2022, 8, 31), LocalDate.of(2022, 10, 1));
        assertThat(days).allMatch(day -> !day.isBefore(LocalDate.of(2022, 8, 31)) && !day.isAfter(LocalDate.of(2022, 10, 1)));
    }

    @Test
    void clientAppsAndUserAgents()
            throws IOException
    {
        Set<String> clientApps = new HashSet<>();
        Set<String> displayNames = new HashSet<>();
        for (SampleResult.TenantSummary tenant : result.tenants()) {
            for (Path file : tenantFiles(tenant.tenantId())) {
                for (ExportRows.Row row : rows(file)) {
                    clientApps.add(row.clientApp());
                    displayNames.add(row.displayName());
                }
            }
        }
        assertThat(clientApps).containsExactlyInAnyOrder("Browser", "Mobile Apps and Desktop clients", "Exchange ActiveSync",
                "IMAP4", "POP3", "Authenticated SMTP", "MAPI Over HTTP", "Outlook Anywhere (RPC over HTTP)", "Offline Address Book",
                "Exchange Web Services", "Exchange Online PowerShell", "AutoDiscover", "Reporting Web Services", "Other clients",
                "Exchange Legacy Client");
        assertThat(ClientApps.map(Optional.of("Exchange Legacy Client")).kind()).isEqualTo(ClientApps.Kind.UNKNOWN);
        assertThat(displayNames).anyMatch(name -> name.matches("\\p{IsHan}+ \\p{IsHan}+"));

        String all = String.join("\n", Files.readAllLines(EXPORTS.resolve(result.tenants().get(0).tenantId())
                .resolve("NonInteractiveSignIns_2022-08-31_2022-10-01.csv")));
        assertThat(all).contains("\"Apple-iPhone14C5/1904.555\"", "\"Android-Mail/2022.08.07\"", "\"CBAInPROD\"", "\"BAV2ROPC\"",
                "Thunderbird/102.2.2\"", "\"Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.4266; Pro)\"");
        assertThat(all).contains("\"50126\"", "\"Failure\"", "\"Success\"", ", JP\"");
    }

    private static Map<String, ExportRows.Row> byId(Path file)
            throws IOException
    {
        Map<String, ExportRows.Row> rows = new HashMap<>();
        for (ExportRows.Row row : rows(file)) {
            rows.put(row.id(), row);
        }
        return rows;
    }

    private static String tenantName(String tenantId)
    {
        return result.tenants().stream().filter(tenant -> tenant.tenantId().equals(tenantId)).findFirst().orElseThrow().name();
    }

    static List<Path> tenantFiles(String tenantId)
            throws IOException
    {
        try (Stream<Path> files = Files.list(EXPORTS.resolve(tenantId))) {
            return files.sorted().collect(Collectors.toList());
        }
    }

    static List<Path> relativeFiles(Path root)
            throws IOException
    {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(root::relativize).sorted().collect(Collectors.toList());
        }
    }
}
