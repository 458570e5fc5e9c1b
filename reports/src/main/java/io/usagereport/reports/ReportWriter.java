package io.usagereport.reports;

import io.usagereport.ingest.ErrorCode;
import io.usagereport.ingest.StorageFailures;
import io.usagereport.ingest.UsageReportException;
import io.usagereport.reports.policy.DeprecationPolicy;
import io.usagereport.reports.policy.TenantDirectory;
import io.usagereport.reports.post.JsonFiles;
import io.usagereport.reports.post.MessageCenterPost;
import io.usagereport.reports.post.UsageDocument;
import io.usagereport.reports.render.ChartData;
import io.usagereport.reports.render.ChartFonts;
import io.usagereport.reports.render.ChartRenderer;
import io.usagereport.reports.render.PostBody;
import io.usagereport.reports.render.ReportCharts;
import io.usagereport.reports.render.ReportPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static java.util.Objects.requireNonNull;

/**
 * The reports stage's entry point: turns one month's {@link TenantMonthUsage} list into Message-Center-style posts.
 *
 * <pre>{@code
 * ReportResult result = ReportWriter.builder(Path.of("out"))
 *         .tenants(TenantSettingsReader.read(Path.of("tenants.csv")))   // default: none (every tenant commercial)
 *         .locale(ReportLocale.JAPANESE)                                // default: English
 *         .asOf(LocalDate.parse("2022-10-01"))                          // default: first day of the following month
 *         .charts(ChartFormat.PNG)                                      // default: SVG
 *         .build()
 *         .write(YearMonth.parse("2022-09"), usages);
 * }</pre>
 *
 * <p>For each tenant it writes {@code OUT/<YYYY-MM>/<tenant-id>/message.json}, {@code usage.json},
 * {@code report.html} and, when the tenant used Basic auth, its charts ({@code chart-*.svg}, or {@code chart-*.png}); then {@code OUT/<YYYY-MM>/index.html}.
 * The month is published as a whole: everything is written into a hidden sibling folder, which then replaces the
 * month's folder by renames, so readers never see a half-written month. Output depends only on the inputs (no clock).
 *
 * <p>A writer killed mid-write leaves its hidden {@code .<YYYY-MM>.staging-*} folder, and, killed between the two
 * renames, the month's old folder as {@code .<YYYY-MM>.previous-*} with no month folder: the next write of that month
 * first puts such an old folder back in place and removes the other leftovers. One writer writes an output folder's
 * month at a time.
 */
public final class ReportWriter
{
    private static final Logger LOG = LoggerFactory.getLogger(ReportWriter.class);

    /** The charts' format unless {@link Builder#charts} says otherwise. */
    public static final ChartFormat DEFAULT_CHART_FORMAT = ChartFormat.SVG;

    private final Path outputDirectory;
    private final TenantDirectory tenants;
    private final ReportLocale locale;
    private final Optional<LocalDate> asOf;
    private final ChartFormat chartFormat;
    private final DeprecationPolicy policy;

    private ReportWriter(Builder builder)
    {
        this.outputDirectory = builder.outputDirectory;
        this.tenants = builder.tenants;
        this.locale = builder.locale;
        this.asOf = builder.asOf;
        this.chartFormat = builder.chartFormat;
        this.policy = DeprecationPolicy.exchangeOnline();
    }

    /** @param outputDirectory {@code OUT}: the month's folder goes beneath it; created when missing */
    public static Builder builder(Path outputDirectory)
    {
        return new Builder(outputDirectory);
    }

    /** The default as-of date of a usage month: the first day of the following month. */
    public static LocalDate defaultAsOf(YearMonth month)
    {
        return month.plusMonths(1).atDay(1);
    }

    /**
     * Writes and publishes the month's posts, replacing any earlier output of that month.
     *
     * @param month the usage month
     * @param usages one entry per tenant, all for {@code month}; tenants without any sign-in are simply absent
     * @throws UsageReportException {@code USAGE} for inconsistent input, {@code STORAGE} when the output cannot be
     *         written, {@code INTERNAL} when no font can draw the language's chart text
     */
    public ReportResult write(YearMonth month, List<TenantMonthUsage> usages)
    {
        requireNonNull(month, "month is null");
        requireNonNull(usages, "usages is null");
        LocalDate publication = asOf.orElse(defaultAsOf(month));
        Set<String> seen = new HashSet<>();
        for (TenantMonthUsage usage : usages) {
            if (!usage.month().equals(month)) {
                throw new UsageReportException(ErrorCode.USAGE, "Invalid usage of tenant " + usage.tenantId() + ": month " + usage.month()
                        + " given for the report of " + month);
            }
            if (!seen.add(usage.tenantId())) {
                throw new UsageReportException(ErrorCode.USAGE, "Invalid usages for " + month + ": tenant " + usage.tenantId() + " given twice");
            }
        }
        LOG.info("Writing {} reports for {} (as of {}, locale {}, {} charts) to {}", usages.size(), month, publication, locale.tag(),
                chartFormat.extension(), outputDirectory);
        Messages messages = Messages.of(locale);
        // Choose the chart font before writing anything, so a machine without a Japanese font fails at once.
        Optional<ChartRenderer> renderer = usages.stream().anyMatch(TenantMonthUsage::basicAuthInUse)
                ? Optional.of(new ChartRenderer(ChartFonts.family(locale)))
                : Optional.empty();

        recoverInterruptedWrites(month);
        Path staging = createStaging(month);
        try {
            List<TenantMonthUsage> sorted = usages.stream().sorted(Comparator.comparing(TenantMonthUsage::tenantId)).toList();
            List<TenantReport> reports = new ArrayList<>();
            for (TenantMonthUsage usage : sorted) {
                reports.add(TenantReport.of(usage, tenants.settingsFor(usage.tenantId()), publication, policy));
            }
            List<ReportPage.IndexEntry> entries = writeTenants(reports, messages, chartFormat, renderer, staging);
            int usingBasicAuth = 0;
            int high = 0;
            for (TenantReport report : reports) {
                usingBasicAuth += report.basicAuthInUse() ? 1 : 0;
                high += report.severity() == TenantReport.Severity.HIGH ? 1 : 0;
            }
            writeText(staging.resolve("index.html"), ReportPage.index(month, publication, messages, entries));
            Path target = publish(staging, month);
            LOG.info("Published {} reports for {} ({} using Basic auth, {} high severity) in {}", sorted.size(), month, usingBasicAuth, high, target);
            return new ReportResult(target, target.resolve("index.html"), sorted.size(), usingBasicAuth, high);
        }
        finally {
            if (Files.exists(staging)) {
                deleteRecursively(staging);
            }
        }
    }

    /**
     * Writes the tenants' folders on all cores (drawing the charts takes most of the time, PNG's far more than SVG's;
     * every tenant has a folder of its own); the entries come back in the order of {@code reports}. The first failure stops the
     * rest and is thrown.
     */
    private static List<ReportPage.IndexEntry> writeTenants(
            List<TenantReport> reports,
            Messages messages,
            ChartFormat chartFormat,
            Optional<ChartRenderer> renderer,
            Path staging)
    {
        int threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), reports.size()));
        ExecutorService executor = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "usage-report-writer");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<ReportPage.IndexEntry>> written = new ArrayList<>();
            for (TenantReport report : reports) {
                written.add(executor.submit(() -> writeTenant(report, messages, chartFormat, renderer, staging.resolve(report.usage().tenantId()))));
            }
            List<ReportPage.IndexEntry> entries = new ArrayList<>();
            for (Future<ReportPage.IndexEntry> entry : written) {
                entries.add(entry.get());
            }
            return entries;
        }
        catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing the reports", e);
        }
        finally {
            executor.shutdownNow();
            awaitTermination(executor);
        }
    }

    private static void awaitTermination(ExecutorService executor)
    {
        try {
            // the staging folder is deleted next: no writer may still be adding files to it
            while (!executor.awaitTermination(1, TimeUnit.MINUTES)) {
                LOG.info("Waiting for the report writers to stop");
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ReportPage.IndexEntry writeTenant(
            TenantReport report,
            Messages messages,
            ChartFormat chartFormat,
            Optional<ChartRenderer> renderer,
            Path folder)
    {
        createDirectories(folder);
        List<ChartData> charts = ReportCharts.of(report, messages, chartFormat);
        if (!charts.isEmpty()) {
            ChartRenderer chartRenderer = renderer.orElseThrow(() -> new IllegalStateException("no chart renderer for " + report.usage().tenantId()));
            for (ChartData chart : charts) {
                chartRenderer.write(chart, folder.resolve(chart.fileName()));
            }
        }
        MessageCenterPost post = MessageCenterPost.of(report, messages, PostBody.messageBody(report, messages));
        JsonFiles.write(post.toJson(), folder.resolve("message.json"));
        JsonFiles.write(UsageDocument.of(report, messages), folder.resolve("usage.json"));
        ReportPage.Header header = new ReportPage.Header(
                post.id(),
                post.title(),
                post.severity(),
                post.actionRequiredBy().map(instant -> instant.atOffset(ZoneOffset.UTC).toLocalDate()),
                report.asOf());
        writeText(folder.resolve("report.html"), ReportPage.report(report, messages, header, PostBody.pageBody(report, messages, charts)));
        return new ReportPage.IndexEntry(header, report.usage().tenantId(), report.tenant().displayName());
    }

    private Path createStaging(YearMonth month)
    {
        try {
            Files.createDirectories(outputDirectory);
            Path staging = Files.createTempDirectory(outputDirectory, "." + month + ".staging-");
            if (Files.getFileStore(staging).supportsFileAttributeView(PosixFileAttributeView.class)) {
                // Temporary folders are created private; the published month must be readable like any other output.
                Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            return staging;
        }
        catch (IOException e) {
            throw new UsageReportException(ErrorCode.STORAGE, "Cannot create output folder in " + outputDirectory + ": " + StorageFailures.reason(e), e);
        }
    }

    /**
     * Repairs what a killed write of the month left: an old month folder set aside is put back when the month's folder
     * is missing (readers see the last complete month until this write publishes), and other leftovers are deleted.
     */
    private void recoverInterruptedWrites(YearMonth month)
    {
        if (!Files.isDirectory(outputDirectory)) {
            return;
        }
        Path target = outputDirectory.resolve(month.toString());
        String stagingPrefix = "." + month + ".staging-";
        String previousPrefix = "." + month + ".previous-";
        List<Path> leftovers;
        try (Stream<Path> children = Files.list(outputDirectory)) {
            leftovers = children.filter(child -> child.getFileName().toString().startsWith(stagingPrefix)
                            || child.getFileName().toString().startsWith(previousPrefix))
                    .sorted()
                    .toList();
        }
        catch (IOException e) {
            throw new UsageReportException(ErrorCode.STORAGE, "Cannot list " + outputDirectory + ": " + StorageFailures.reason(e), e);
        }
        for (Path leftover : leftovers) {
            if (leftover.getFileName().toString().startsWith(previousPrefix) && !Files.exists(target)) {
                LOG.info("Restoring {} from {}, set aside by an interrupted write", target, leftover);
                try {
                    move(leftover, target);
                    continue;
                }
                catch (IOException e) {
                    throw new UsageReportException(ErrorCode.STORAGE, "Cannot restore " + target + " from " + leftover + ": " + StorageFailures.reason(e), e);
                }
            }
            LOG.info("Removing {}, left by an interrupted write", leftover);
            deleteRecursively(leftover);
        }
    }

    /** Replaces {@code OUT/<month>} by the staging folder: rename the old one aside, rename the new one in, delete the old. */
    private Path publish(Path staging, YearMonth month)
    {
        Path target = outputDirectory.resolve(month.toString());
        Path previous = null;
        try {
            if (Files.exists(target)) {
                previous = outputDirectory.resolve("." + month + ".previous-" + staging.getFileName().toString().replaceFirst("^.*staging-", ""));
                move(target, previous);
            }
            move(staging, target);
        }
        catch (IOException e) {
            if (previous != null && !Files.exists(target)) {
                try {
                    move(previous, target);
                }
                catch (IOException restore) {
                    e.addSuppressed(restore);
                }
            }
            throw new UsageReportException(ErrorCode.STORAGE, "Cannot publish " + target + ": " + StorageFailures.reason(e), e);
        }
        if (previous != null) {
            deleteRecursively(previous);
        }
        return target;
    }

    private static void move(Path source, Path target)
            throws IOException
    {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target);
        }
    }

    private static void createDirectories(Path folder)
    {
        try {
            Files.createDirectories(folder);
        }
        catch (IOException e) {
            throw new UsageReportException(ErrorCode.STORAGE, "Cannot create " + folder + ": " + StorageFailures.reason(e), e);
        }
    }

    private static void writeText(Path file, String text)
    {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UsageReportException(ErrorCode.STORAGE, "Cannot write " + file + ": " + StorageFailures.reason(e), e);
        }
    }

    private static void deleteRecursively(Path folder)
    {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
        catch (IOException | UncheckedIOException e) {
            LOG.warn("Cannot delete {}: {}", folder, e.getMessage());
        }
    }

    /** Options of a {@link ReportWriter}. */
    public static final class Builder
    {
        private final Path outputDirectory;
        private TenantDirectory tenants = TenantDirectory.empty();
        private ReportLocale locale = ReportLocale.ENGLISH;
        private Optional<LocalDate> asOf = Optional.empty();
        private ChartFormat chartFormat = DEFAULT_CHART_FORMAT;

        private Builder(Path outputDirectory)
        {
            this.outputDirectory = requireNonNull(outputDirectory, "outputDirectory is null");
        }

        /** The tenants' situations; default: none listed (every tenant commercial, nothing opted out or re-enabled). */
        public Builder tenants(TenantDirectory value)
        {
            tenants = requireNonNull(value, "value is null");
            return this;
        }

        /** The report language; default English. */
        public Builder locale(ReportLocale value)
        {
            locale = requireNonNull(value, "value is null");
            return this;
        }

        /** The publication date the states and deadlines hold on; default: the first day of the month after the usage month. */
        public Builder asOf(LocalDate value)
        {
            asOf = Optional.of(requireNonNull(value, "value is null"));
            return this;
        }

        /** The charts' file format; default {@link ChartFormat#SVG}. */
        public Builder charts(ChartFormat value)
        {
            chartFormat = requireNonNull(value, "value is null");
            return this;
        }

        public ReportWriter build()
        {
            return new ReportWriter(this);
        }
    }
}
