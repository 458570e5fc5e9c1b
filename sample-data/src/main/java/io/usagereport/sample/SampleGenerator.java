package io.usagereport.sample;

import io.usagereport.ingest.ClientApps;
import io.usagereport.ingest.Protocol;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Writes realistic synthetic sign-in exports, one directory per tenant ({@code OUT/<tenant-id>/<file>}), in every
 * supported export format, and computes the figures a correct pipeline must find in them.
 *
 * <p>Deterministic: the same {@link SampleOptions} give byte-identical files (every random choice comes from the
 * seed; no wall clock). Streaming: each sign-in is computed from its index and written at once, so millions of rows
 * need no more memory than ten.
 *
 * <pre>{@code
 * SampleResult result = SampleGenerator.generate(SampleOptions.builder(Path.of("exports"))
 *         .tenants(5).usersPerTenant(40).month(YearMonth.of(2022, 9)).build());
 * }</pre>
 */
public final class SampleGenerator
{
    private static final Logger LOG = LoggerFactory.getLogger(SampleGenerator.class);
    private static final long PAGE_SALT = 0x9A6EL;
    private static final long MALFORMED_SALT = 0xBADL;
    private static final long WORKSPACE_SALT = 0x3A5L;
    /** The malformed rows go after these data rows (or at the end of a shorter file). */
    private static final long[] MALFORMED_AFTER_ROWS = {3, 30, 60};

    private SampleGenerator() {}

    /**
     * Writes the exports {@code options} describe.
     *
     * @throws IOException when a file cannot be written
     */
    public static SampleResult generate(SampleOptions options)
            throws IOException
    {
        requireNonNull(options, "options is null");
        LOG.info("Writing sample exports to {}: {} tenants, {} users and {} sign-ins each, month {}, seed {}",
                options.outputDirectory(), options.tenants(), options.usersPerTenant(), options.effectiveRowsPerTenant(),
                options.month(), options.seed());
        Files.createDirectories(options.outputDirectory());
        List<SampleResult.WrittenFile> files = new ArrayList<>();
        List<SampleResult.TenantSummary> summaries = new ArrayList<>();
        List<SampleResult.ProtocolUsage> usage = new ArrayList<>();
        List<SampleTenant> tenants = new ArrayList<>();
        for (int index = 0; index < options.tenants(); index++) {
            SampleTenant tenant = SampleTenant.create(options.seed(), index);
            tenants.add(tenant);
            TenantModel model = new TenantModel(options.seed(), tenant, options.month(), options.usersPerTenant(),
                    options.effectiveRowsPerTenant());
            List<ExportFile> plan = plan(model, options.formats());
            Path directory = options.outputDirectory().resolve(tenant.id());
            Files.createDirectories(directory);
            List<SampleResult.WrittenFile> tenantFiles = new ArrayList<>();
            for (ExportFile file : plan) {
                tenantFiles.add(write(options.seed(), model, file, directory.resolve(file.fileName())));
            }
            files.addAll(tenantFiles);
            summaries.add(tally(model, plan, tenantFiles, usage));
        }
        if (options.tenantsFile().isPresent()) {
            writeTenantsFile(options.tenantsFile().get(), tenants, options.month());
        }
        if (options.expectedUsageFile().isPresent()) {
            writeExpectedUsage(options.expectedUsageFile().get(), summaries, usage);
        }
        long bytes = files.stream().mapToLong(SampleResult.WrittenFile::bytes).sum();
        LOG.info("Wrote {} sample export files ({} bytes) to {}", files.size(), bytes, options.outputDirectory());
        return new SampleResult(files, summaries, usage);
    }

    /** The tenant's exports, with formats left out replaced, portal exports split by interactivity, names unique. */
    static List<ExportFile> plan(TenantModel model, Set<SampleFormat> formats)
    {
        List<ExportFile> plan = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (ExportSlice slice : model.tenant().profile().slices()) {
            SampleFormat format = formats.contains(slice.format()) ? slice.format() : fallback(formats);
            LocalDate from = model.firstDay().plusDays(slice.fromDay());
            LocalDate to = slice.toDay() == ExportSlice.LAST_DAY ? model.lastDay() : model.firstDay().plusDays(slice.toDay());
            List<ExportSlice.Coverage> coverages = portal(format) && slice.coverage() == ExportSlice.Coverage.ALL
                    ? List.of(ExportSlice.Coverage.INTERACTIVE, ExportSlice.Coverage.NON_INTERACTIVE)
                    : List.of(slice.coverage());
            boolean malformed = slice.malformed();
            for (ExportSlice.Coverage coverage : coverages) {
                String name = fileName(format, coverage, from, to);
                String unique = name;
                for (int suffix = 2; !names.add(unique); suffix++) {
                    int dot = name.lastIndexOf('.');
                    unique = name.substring(0, dot) + "_" + suffix + name.substring(dot);
                }
                plan.add(new ExportFile(unique, format, coverage, from, to, malformed));
                malformed = false;
            }
        }
        return List.copyOf(plan);
    }

    private static SampleFormat fallback(Set<SampleFormat> formats)
    {
        if (formats.contains(SampleFormat.ENTRA_CSV)) {
            return SampleFormat.ENTRA_CSV;
        }
        return formats.iterator().next();
    }

    private static boolean portal(SampleFormat format)
    {
        return format == SampleFormat.ENTRA_CSV || format == SampleFormat.ENTRA_CSV_LEGACY || format == SampleFormat.ENTRA_JSON;
    }

    static String fileName(SampleFormat format, ExportSlice.Coverage coverage, LocalDate from, LocalDate to)
    {
        String range = from + "_" + to;
        switch (format) {
            case ENTRA_CSV:
            case ENTRA_CSV_LEGACY:
                return portalPrefix(coverage) + "SignIns_" + range + ".csv";
            case ENTRA_JSON:
                return portalPrefix(coverage) + "SignIns_" + range + ".json";
            case GRAPH_JSON_PAGES:
                return "graph-signIns_" + range + ".json";
            case GRAPH_JSON_LINES:
                return "graph-signIns_" + range + ".jsonl";
            case DIAGNOSTIC_RECORDS:
                return "insights-logs-" + diagnosticCategory(coverage) + "_" + range + ".json";
            case POWERSHELL_WINDOWS_CSV:
                return "Get-AzureADAuditSignInLogs_" + range + ".csv";
            case POWERSHELL_GRAPH_CSV:
                return "Get-MgBetaAuditLogSignIn_" + range + ".csv";
            case LOG_ANALYTICS_CSV:
                return "query_data_" + range + ".csv";
        }
        throw new AssertionError(format);
    }

    private static String portalPrefix(ExportSlice.Coverage coverage)
    {
        switch (coverage) {
            case ALL:
                return "All";
            case INTERACTIVE:
                return "Interactive";
            case NON_INTERACTIVE:
                return "NonInteractive";
        }
        throw new AssertionError(coverage);
    }

    private static String diagnosticCategory(ExportSlice.Coverage coverage)
    {
        switch (coverage) {
            case ALL:
                return "signins";
            case INTERACTIVE:
                return "signinlogs";
            case NON_INTERACTIVE:
                return "noninteractiveusersigninlogs";
        }
        throw new AssertionError(coverage);
    }

    private static SampleResult.WrittenFile write(long seed, TenantModel model, ExportFile file, Path path)
            throws IOException
    {
        long malformedWritten = 0;
        long rows;
        try (SignInWriter writer = open(seed, model, file, path)) {
            boolean malformed = file.malformed() && writer.writesMalformedRows();
            SignInWriter.Malformation[] malformations = SignInWriter.Malformation.values();
            Optional<SampleSignIn> last = Optional.empty();
            for (int step = 0; step < model.rows(); step++) {
                int index = file.newestFirst() ? model.rows() - 1 - step : step;
                SampleSignIn signIn = model.signIn(index);
                if (!file.includes(signIn)) {
                    continue;
                }
                writer.write(signIn);
                last = Optional.of(signIn);
                long dataRows = writer.rows() - malformedWritten;
                if (malformed && malformedWritten < malformations.length && dataRows == MALFORMED_AFTER_ROWS[(int) malformedWritten]) {
                    writeMalformed(seed, model, writer, signIn, malformations[(int) malformedWritten], malformedWritten);
                    malformedWritten++;
                }
            }
            while (malformed && malformedWritten < malformations.length) {
                SampleSignIn template = last.orElseGet(() -> model.signIn(0));
                writeMalformed(seed, model, writer, template, malformations[(int) malformedWritten], malformedWritten);
                malformedWritten++;
            }
            rows = writer.rows();
        }
        return new SampleResult.WrittenFile(path, file.format(), model.tenant().id(), rows, malformedWritten, Files.size(path));
    }

    private static void writeMalformed(long seed, TenantModel model, SignInWriter writer, SampleSignIn template,
            SignInWriter.Malformation malformation, long number)
            throws IOException
    {
        String id = new SampleRandom(SampleRandom.seed(seed, model.tenant().index(), MALFORMED_SALT, number)).guid();
        writer.writeMalformed(template.withIdAndUser(id, template.userPrincipalName(), template.userDisplayName()), malformation);
    }

    private static SignInWriter open(long seed, TenantModel model, ExportFile file, Path path)
            throws IOException
    {
        switch (file.format()) {
            case ENTRA_CSV:
                return EntraCsvWriter.current(path, model.month());
            case ENTRA_CSV_LEGACY:
                return EntraCsvWriter.legacy(path, model.month());
            case ENTRA_JSON:
                return JsonExportWriters.entraArray(path);
            case GRAPH_JSON_PAGES:
                long expected = 0;
                for (int index = 0; index < model.rows(); index++) {
                    if (file.includes(model.signIn(index))) {
                        expected++;
                    }
                }
                return JsonExportWriters.graphPages(path, expected,
                        new SampleRandom(SampleRandom.seed(seed, model.tenant().index(), PAGE_SALT)));
            case GRAPH_JSON_LINES:
                return JsonExportWriters.graphLines(path);
            case DIAGNOSTIC_RECORDS:
                return JsonExportWriters.diagnosticRecords(path);
            case POWERSHELL_WINDOWS_CSV:
                return PowerShellCsvWriters.windows(path);
            case POWERSHELL_GRAPH_CSV:
                return PowerShellCsvWriters.graph(path);
            case LOG_ANALYTICS_CSV:
                String workspace = new SampleRandom(SampleRandom.seed(seed, model.tenant().index(), WORKSPACE_SALT)).guid();
                return new LogAnalyticsCsvWriter(path, workspace);
        }
        throw new AssertionError(file.format());
    }

    /** Runs the model once more to count what a correct pipeline must find, and checks every sign-in was written. */
    private static SampleResult.TenantSummary tally(TenantModel model, List<ExportFile> plan,
            List<SampleResult.WrittenFile> written, List<SampleResult.ProtocolUsage> usage)
    {
        YearMonth month = model.month();
        Map<Protocol, Counts> counts = new EnumMap<>(Protocol.class);
        Set<String> basicAuthUsers = new HashSet<>();
        long inMonth = 0;
        long basicAuthRequests = 0;
        for (int index = 0; index < model.rows(); index++) {
            SampleSignIn signIn = model.signIn(index);
            if (plan.stream().noneMatch(file -> file.includes(signIn))) {
                throw new IllegalStateException("Sign-in " + signIn.id() + " of tenant " + model.tenant().id()
                        + " is in no export file");
            }
            if (!YearMonth.from(signIn.createdAt().atOffset(ZoneOffset.UTC)).equals(month)) {
                continue;
            }
            inMonth++;
            Protocol protocol = ClientApps.map(Optional.of(signIn.clientApp())).protocol();
            if (!protocol.basicAuth()) {
                continue;
            }
            basicAuthRequests++;
            Counts protocolCounts = counts.computeIfAbsent(protocol, ignored -> new Counts());
            protocolCounts.requests++;
            protocolCounts.attempting.add(signIn.userPrincipalName());
            if (signIn.outcome().succeeded()) {
                protocolCounts.successful++;
                protocolCounts.users.add(signIn.userPrincipalName());
                basicAuthUsers.add(signIn.userPrincipalName());
            }
            else {
                protocolCounts.failed++;
            }
        }
        for (Map.Entry<Protocol, Counts> entry : counts.entrySet()) {
            Counts value = entry.getValue();
            usage.add(new SampleResult.ProtocolUsage(model.tenant().id(), entry.getKey(), value.users.size(),
                    value.attempting.size(), value.requests, value.successful, value.failed));
        }
        long rowsWritten = 0;
        long malformed = 0;
        for (SampleResult.WrittenFile file : written) {
            rowsWritten += file.rows() - file.malformedRows();
            malformed += file.malformedRows();
        }
        return new SampleResult.TenantSummary(model.tenant().id(), model.tenant().name(), model.rows(), inMonth,
                rowsWritten - model.rows(), malformed, basicAuthRequests, basicAuthUsers.size());
    }

    private static final class Counts
    {
        private long requests;
        private long successful;
        private long failed;
        private final Set<String> users = new HashSet<>();
        private final Set<String> attempting = new HashSet<>();
    }

    private static void writeTenantsFile(Path path, List<SampleTenant> tenants, YearMonth month)
            throws IOException
    {
        createParent(path);
        LocalDate nextMonth = month.plusMonths(1).atDay(1);
        try (CSVPrinter printer = new CSVPrinter(OutputFiles.open(path, StandardCharsets.UTF_8, false),
                CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            printer.printRecord("tenant_id", "name", "cloud", "opted_out", "re_enabled", "disabled_on");
            for (SampleTenant tenant : tenants) {
                TenantProfile profile = tenant.profile();
                // the profile's dates are for 2022-09; other months get the same offsets from their next month
                String reEnabled = profile.reEnabled().isEmpty() ? "" : "POP@" + nextMonth.plusDays(19);
                String disabledOn = profile.disabledOn().isEmpty() ? "" : nextMonth.plusDays(4).toString();
                printer.printRecord(tenant.id(), tenant.name(), profile.cloud(), profile.optedOut(), reEnabled, disabledOn);
            }
        }
    }

    private static void writeExpectedUsage(Path path, List<SampleResult.TenantSummary> tenants,
            List<SampleResult.ProtocolUsage> usage)
            throws IOException
    {
        createParent(path);
        try (CSVPrinter printer = new CSVPrinter(OutputFiles.open(path, StandardCharsets.UTF_8, false),
                CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            printer.printRecord("tenant_id", "tenant_name", "protocol", "users", "users_attempting", "requests",
                    "successful_requests", "failed_requests");
            for (SampleResult.TenantSummary tenant : tenants) {
                for (SampleResult.ProtocolUsage row : usage) {
                    if (row.tenantId().equals(tenant.tenantId())) {
                        printer.printRecord(row.tenantId(), tenant.name(), row.protocol().name(), row.users(),
                                row.usersAttempting(), row.requests(), row.successfulRequests(), row.failedRequests());
                    }
                }
            }
        }
    }

    private static void createParent(Path path)
            throws IOException
    {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }
}
