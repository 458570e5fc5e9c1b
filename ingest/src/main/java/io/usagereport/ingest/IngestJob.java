package io.usagereport.ingest;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.util.CollectionAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.Charset;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

/**
 * The ingest stage: sign-in exports into the lake's {@code signins} table, with every record accounted for in
 * {@code rejects} and {@code _manifests} ({@link ManifestSchema}).
 *
 * <p>Files are independent, so they are spread over the executors and parsed there ({@link FileParser}). Each row
 * goes to the {@code tenant_id=…/month=…} partition of its own UTC time. A partition the run touches is rewritten
 * whole: its earlier rows, less those that came from files this run reads again, merged with the new rows. The same
 * sign-in is kept once per tenant: rows are keyed on {@code (tenant_id, sign_in_id)}, the request id that every
 * export format carries for a sign-in, and the copy already in the lake (else the one from the first file name and
 * line) wins. Everything is staged first and published with {@link LakePublisher}, so a crash never leaves a
 * half-written month visible.
 *
 * <pre>{@code
 * IngestResult result = IngestJob.forLake(spark, new LakeLayout("lake"))
 *         .inputs(InputDiscovery.discover(configuration, List.of("exports"), Optional.empty()).files())
 *         .run();
 * }</pre>
 */
public final class IngestJob
{
    private static final Logger LOG = LoggerFactory.getLogger(IngestJob.class);
    private static final String PRIORITY = "priority";
    private static final String RANK = "rank";
    // the run's staging folders besides the tables: the parse tasks' rejects, and partitions merged with the lake's
    private static final String REJECTED = "rejected";
    private static final String MERGED = "merged";
    private static final int TASKS_PER_CORE = 16;
    // Sign-ins per task of the dedup-and-write stage, whose sort must fit a task's share of execution memory: a
    // 10 M month under a 2 GB heap spilled 5.5 GB in 8 tasks of 1.5 M rows, and nothing in 40 tasks of 300,000.
    static final long SIGN_INS_PER_WRITE_TASK = 250_000;
    // The run's sign-ins are counted only as they are written, so the first write sizes its tasks from the input's
    // bytes, as if each sign-in took this many (the portal's CSV takes about 970, Log Analytics' about 2,800). A slimmer
    // export (a few columns picked in PowerShell) makes bigger tasks of smaller rows: what the sort holds follows the
    // bytes either way.
    static final long MIN_BYTES_PER_SIGN_IN = 500;
    // The most sign-ins of one tenant a parse task keeps track of to deduplicate them itself: about 32 bytes each
    // (SeenSignIns), so at most 128 MB of a task's heap, and twice that while its table grows.
    static final long MAX_SIGN_INS_IN_TASK = 4_000_000;
    // Columns with about one value per row: Parquet's writer would build a dictionary for each page only to throw it
    // away. Parquet's writer settings pass through Spark's writer options; "#column" limits one to a column.
    private static final String PARQUET_DICTIONARY = "parquet.enable.dictionary";
    private static final Map<String, String> NO_DICTIONARY = Map.of(
            PARQUET_DICTIONARY + "#" + SignInSchema.SIGN_IN_ID, "false",
            PARQUET_DICTIONARY + "#" + SignInSchema.CREATED_AT, "false",
            PARQUET_DICTIONARY + "#" + SignInSchema.SOURCE_LINE, "false");

    private final SparkSession spark;
    private final LakeLayout lake;
    private List<InputFile> inputs = List.of();
    private Optional<Charset> encoding = Optional.empty();
    private Optional<String> runId = Optional.empty();
    private Clock clock = Clock.systemUTC();
    private Optional<FileParser.Deduplication> deduplication = Optional.empty();
    private String stepName;
    private long stepStarted;

    private IngestJob(SparkSession spark, LakeLayout lake)
    {
        this.spark = requireNonNull(spark, "spark is null");
        this.lake = requireNonNull(lake, "lake is null");
    }

    public static IngestJob forLake(SparkSession spark, LakeLayout lake)
    {
        return new IngestJob(spark, lake);
    }

    /** The files to ingest; by default none. */
    public IngestJob inputs(List<InputFile> inputs)
    {
        this.inputs = List.copyOf(inputs);
        return this;
    }

    /** The character set of files that carry no byte order mark; by default UTF-8. */
    public IngestJob encoding(Charset encoding)
    {
        this.encoding = Optional.of(requireNonNull(encoding, "encoding is null"));
        return this;
    }

    /** Names the run (its staging folder and manifests); by default the start time and a random suffix. */
    public IngestJob runId(String runId)
    {
        requireNonNull(runId, "runId is null");
        if (!runId.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("Invalid run id: '" + runId + "'; expected letters, digits, '.', '_' or '-'");
        }
        this.runId = Optional.of(runId);
        return this;
    }

    /** Where the copies of a sign-in are brought down to one; by default as {@link #deduplicationFor} chooses. */
    IngestJob deduplication(FileParser.Deduplication deduplication)
    {
        this.deduplication = Optional.of(requireNonNull(deduplication, "deduplication is null"));
        return this;
    }

    /** The clock that names runs; by default the system's UTC clock. */
    public IngestJob clock(Clock clock)
    {
        this.clock = requireNonNull(clock, "clock is null");
        return this;
    }

    public IngestResult run()
    {
        String run = runId.orElseGet(this::newRunId);
        Configuration hadoop = spark.sparkContext().hadoopConfiguration();
        LakePublisher publisher = new LakePublisher(hadoop, lake.root());
        publisher.recover();
        if (inputs.isEmpty()) {
            LOG.info("Ingest {}: no input files", run);
            return new IngestResult(run, List.of(), List.of(), Map.of(), 0);
        }
        LOG.info("Ingest {} started: {} files into {}", run, inputs.size(), lake.root());
        try {
            IngestResult result = ingest(run, hadoop, publisher);
            LOG.info("Ingest {} finished: {} rows read, {} written, {} duplicates, {} rejected, {} partitions replaced",
                    run, result.rowsRead(), result.rowsWritten(), result.duplicates(), result.rejected(), result.partitions().size());
            return result;
        }
        catch (Throwable e) {
            // Spark's job failures are checked exceptions that Scala code throws undeclared: catch them too
            try {
                if (!publisher.committed(run)) {
                    publisher.abandon(run);
                }
            }
            catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private IngestResult ingest(String run, Configuration hadoop, LakePublisher publisher)
    {
        String staging = publisher.staging(run);
        Map<String, String> hadoopSettings = new HashMap<>();
        hadoop.forEach(entry -> hadoopSettings.put(entry.getKey(), entry.getValue()));
        int shufflePartitions = Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions"));

        // 1. parse every file on the executors and write one row per sign-in straight to staging, each task writing
        //    its files' rejects to files of their own. When grouping the files by tenant leaves the tasks about as
        //    balanced as they are file by file, a task holds all the files of its tenants and keeps the first copy of
        //    each sign-in itself; otherwise the parse tasks feed a shuffle that brings each sign-in's copies together
        int parallelism = spark.sparkContext().defaultParallelism();
        long inputBytes = inputs.stream().mapToLong(InputFile::bytes).sum();
        FileParser.Deduplication deduplication = this.deduplication.orElseGet(() -> deduplicationFor(inputs, parallelism));
        describe("ingest: parse " + inputs.size() + " files and write their sign-ins"
                + (deduplication == FileParser.Deduplication.IN_TASK ? "" : " (deduplicated after a shuffle)"));
        List<Row> fileRows = new ArrayList<>();
        for (InputFile input : inputs) {
            fileRows.add(fileRow(input));
        }
        // one task per file or tenant (up to a limit), the largest first, so no core waits for a task of several big ones
        List<List<Row>> tasks = new ArrayList<>();
        List<List<InputFile>> bins = switch (deduplication) {
            // each task's writer sorts its rows by partition: as many tasks as the shuffle would have, so that sort fits too
            case IN_TASK -> FileBins.balanceByTenant(inputs, Math.max(parallelism * TASKS_PER_CORE, writeTasksForInput(inputBytes, 1)));
            case AFTER_PARSE -> FileBins.balance(inputs, parallelism * TASKS_PER_CORE);
        };
        for (List<InputFile> bin : bins) {
            tasks.add(bin.stream().map(IngestJob::fileRow).toList());
        }
        JavaRDD<Row> files = JavaSparkContext.fromSparkContext(spark.sparkContext())
                .parallelize(tasks, Math.max(1, tasks.size()))
                .flatMap(List::iterator);
        CollectionAccumulator<FileSummary> summaries = spark.sparkContext().collectionAccumulator("files parsed by " + run);
        WrittenRows written = new WrittenRows();
        spark.sparkContext().register(written, "sign-ins written by " + run);
        Dataset<Row> fresh = spark.createDataFrame(files, ParsedSchema.INPUT_FILES)
                .mapPartitions(new FileParser(hadoopSettings, encoding, summaries, staging + "/" + REJECTED, deduplication), Encoders.row(SignInSchema.TABLE))
                .withColumn(PRIORITY, lit(WrittenRows.FRESH));
        switch (deduplication) {
            case IN_TASK -> write(fresh, written, staging + "/" + LakeLayout.SIGNINS);
            case AFTER_PARSE -> writeOnePerSignIn(fresh, writeTasksForInput(inputBytes, shufflePartitions), written, staging + "/" + LakeLayout.SIGNINS);
        }

        // 2. what each file was and could not give, the months of its rows, and the client apps the table does not
        //    know: from the files' summaries (a retried task's copy has the same counts, so one per file is kept)
        describe("ingest: summarise the files");
        Map<String, FileSummary> byFile = new HashMap<>();
        for (FileSummary summary : summaries.value()) {
            byFile.putIfAbsent(fileKey(summary.tenantId(), summary.sourceFile()), summary);
        }
        TreeSet<String> touched = new TreeSet<>();
        Map<String, Long> unknownClientApps = new TreeMap<>();
        long missingClientApps = 0;
        for (FileSummary summary : byFile.values()) {
            summary.signInsPerMonth().keySet().forEach(month -> touched.add(SignInSchema.partition(summary.tenantId(), month)));
            summary.unknownClientApps().forEach((clientApp, rows) -> unknownClientApps.merge(clientApp, rows, Long::sum));
            missingClientApps += summary.missingClientApps();
        }
        if (byFile.size() != inputs.size()) {
            throw new IllegalStateException("Parsed " + inputs.size() + " files but got " + byFile.size() + " summaries");
        }

        // 3. the partitions this run rewrites: the months of its rows, and the months its files fed before
        describe("ingest: find the partitions to rewrite");
        Dataset<Row> runFiles = spark.createDataFrame(fileRows, ParsedSchema.INPUT_FILES)
                .select(SignInSchema.TENANT_ID, SignInSchema.SOURCE_FILE);
        if (publisher.exists(LakeLayout.MANIFESTS)) {
            Dataset<Row> manifests = spark.read().schema(ManifestSchema.MANIFEST).parquet(lake.manifests());
            for (Row row : manifests.where(col(SignInSchema.MONTH).isNotNull())
                    .join(runFiles, new String[] {SignInSchema.TENANT_ID, SignInSchema.SOURCE_FILE}, "left_semi")
                    .select(SignInSchema.TENANT_ID, SignInSchema.MONTH).distinct().collectAsList()) {
                touched.add(SignInSchema.partition(row.getString(0), row.getString(1)));
            }
        }

        // 4. the partitions the lake has already: their rows, less those from the files read again, merged with the
        //    run's, keeping one row per sign-in again; the merged partitions replace the run's own in staging
        Map<String, Long> writtenPerFileMonth = new HashMap<>(written.value());
        List<String> existing = touched.stream()
                .filter(partition -> publisher.exists(LakeLayout.SIGNINS + "/" + partition))
                .toList();
        if (!existing.isEmpty()) {
            describe("ingest: merge with " + existing.size() + " partitions of the lake");
            Column[] tableColumns = columns(SignInSchema.TABLE.fieldNames());
            Dataset<Row> lakeRows = spark.read()
                    .schema(SignInSchema.TABLE)
                    .option("basePath", lake.signins())
                    .parquet(existing.stream().map(partition -> lake.signins() + "/" + partition).toArray(String[]::new));
            long rows = lakeRows.count();
            Dataset<Row> all = lakeRows
                    .join(runFiles, new String[] {SignInSchema.TENANT_ID, SignInSchema.SOURCE_FILE}, "left_anti")
                    .select(tableColumns)
                    .withColumn(PRIORITY, lit(0));
            List<String> staged = new ArrayList<>();
            for (String partition : existing) {
                if (publisher.staged(run, LakeLayout.SIGNINS + "/" + partition)) {
                    staged.add(staging + "/" + LakeLayout.SIGNINS + "/" + partition);
                }
            }
            if (!staged.isEmpty()) {
                all = all.unionByName(spark.read()
                        .schema(SignInSchema.TABLE)
                        .option("basePath", staging + "/" + LakeLayout.SIGNINS)
                        .parquet(staged.toArray(new String[0]))
                        .select(tableColumns)
                        .withColumn(PRIORITY, lit(WrittenRows.FRESH)));
            }
            Set<String> merged = Set.copyOf(existing);
            for (Map.Entry<String, Long> entry : writtenPerFileMonth.entrySet()) {
                if (merged.contains(WrittenRows.partition(entry.getKey()))) {
                    rows += entry.getValue();
                }
            }
            WrittenRows mergedRows = new WrittenRows();
            spark.sparkContext().register(mergedRows, "sign-ins merged by " + run);
            writeOnePerSignIn(all, writeTasks(rows, shufflePartitions), mergedRows, staging + "/" + MERGED);
            writtenPerFileMonth.keySet().removeIf(key -> merged.contains(WrittenRows.partition(key)));
            writtenPerFileMonth.putAll(mergedRows.value());
            for (String partition : existing) {
                publisher.restage(run, MERGED + "/" + partition, LakeLayout.SIGNINS + "/" + partition);
            }
        }

        return finish(run, staging, publisher, touched, byFile, writtenPerFileMonth, unknownClientApps, missingClientApps);
    }

    /**
     * Where the run's copies of a sign-in are brought down to one: in the parse tasks, unless a tenant holds more of the
     * input than both a core's share (and a quarter) and the largest file (a task of its files would then be the last to
     * end, where file by file the cores share them), or more sign-ins than a task keeps track of
     * ({@link #MAX_SIGN_INS_IN_TASK}).
     */
    static FileParser.Deduplication deduplicationFor(List<InputFile> inputs, int parallelism)
    {
        long inputBytes = inputs.stream().mapToLong(InputFile::bytes).sum();
        long largestFile = inputs.stream().mapToLong(InputFile::bytes).max().orElse(0);
        long largestTenant = FileBins.largestTenantBytes(inputs);
        // a tenant may carry a quarter more than a core's share: the shuffle it saves costs more than that
        long share = inputBytes / parallelism + inputBytes / parallelism / 4;
        if (largestTenant > Math.max(share, largestFile) || largestTenant / MIN_BYTES_PER_SIGN_IN > MAX_SIGN_INS_IN_TASK) {
            return FileParser.Deduplication.AFTER_PARSE;
        }
        return FileParser.Deduplication.IN_TASK;
    }

    /**
     * Writes {@code rows}, already one per sign-in, to {@code folder}, partitioned by tenant and month, counting them
     * in {@code written}. Without a shuffle before it, each task sorts its rows by partition (Spark's writer does) and
     * writes them.
     */
    private void write(Dataset<Row> rows, WrittenRows written, String folder)
    {
        // the rows each file gave to each month are counted as they are written: what else it gave was duplicates
        rows.where(written.counting().apply(
                        col(PRIORITY), col(SignInSchema.TENANT_ID), col(SignInSchema.SOURCE_FILE), col(SignInSchema.MONTH)))
                .select(columns(SignInSchema.TABLE.fieldNames()))
                .write()
                .mode(SaveMode.Overwrite)
                .options(NO_DICTIONARY)
                .partitionBy(SignInSchema.TENANT_ID, SignInSchema.MONTH)
                .parquet(folder);
    }

    /**
     * Writes one row per sign-in of {@code rows} (which carry a {@link #PRIORITY}) to {@code folder}, partitioned by
     * tenant and month, and counts in {@code written} the rows of priority {@link WrittenRows#FRESH} it keeps.
     *
     * <p>One shuffle: rows go to the task of their partition, where the window sorts them by sign-in id and the writer
     * finds them already grouped by partition. A sign-in's copies share its time, hence its month. Of its copies, the
     * lowest priority wins, then the first file name and line.
     */
    private void writeOnePerSignIn(Dataset<Row> rows, int tasks, WrittenRows written, String folder)
    {
        WindowSpec sameSignIn = Window.partitionBy(SignInSchema.TENANT_ID, SignInSchema.MONTH, SignInSchema.SIGN_IN_ID)
                .orderBy(col(PRIORITY), col(SignInSchema.SOURCE_FILE), col(SignInSchema.SOURCE_LINE));
        write(rows.repartition(tasks, col(SignInSchema.TENANT_ID), col(SignInSchema.MONTH))
                        .withColumn(RANK, row_number().over(sameSignIn))
                        .where(col(RANK).equalTo(1)),
                written,
                folder);
    }

    /**
     * Tasks for a dedup-and-write stage: Spark's shuffle partitions, or more when the sign-ins would not fit
     * ({@link #SIGN_INS_PER_WRITE_TASK} each). Rows of one partition of the lake always share a task, so more tasks
     * do not mean more files.
     */
    static int writeTasks(long signIns, int shufflePartitions)
    {
        long needed = signIns / SIGN_INS_PER_WRITE_TASK + (signIns % SIGN_INS_PER_WRITE_TASK == 0 ? 0 : 1);
        return (int) Math.max(shufflePartitions, Math.min(needed, Integer.MAX_VALUE));
    }

    /** Tasks for the first dedup-and-write stage, which runs before the sign-ins are counted: see {@link #MIN_BYTES_PER_SIGN_IN}. */
    static int writeTasksForInput(long inputBytes, int shufflePartitions)
    {
        return writeTasks(inputBytes / MIN_BYTES_PER_SIGN_IN, shufflePartitions);
    }

    private IngestResult finish(
            String run,
            String staging,
            LakePublisher publisher,
            TreeSet<String> touched,
            Map<String, FileSummary> byFile,
            Map<String, Long> writtenPerFileMonth,
            Map<String, Long> unknownClientApps,
            long missingClientApps)
    {
        // rejects: from the files the parse tasks wrote, those the accepted summaries name
        List<String> rejectFiles = byFile.values().stream().flatMap(summary -> summary.rejects().stream()).sorted().toList();
        if (!rejectFiles.isEmpty()) {
            describe("ingest: write rejects");
            spark.read()
                    .schema(ManifestSchema.REJECTS)
                    // written by the parse tasks: a line that cannot be read is a fault, never a row of nulls
                    .option("mode", "FAILFAST")
                    .json(rejectFiles.toArray(new String[0]))
                    .select(columns(ManifestSchema.REJECTS.fieldNames()))
                    .repartition(col(SignInSchema.TENANT_ID), col(ParsedSchema.SOURCE_KEY))
                    .sortWithinPartitions(SignInSchema.SOURCE_LINE)
                    .write()
                    .mode(SaveMode.Overwrite)
                    .partitionBy(SignInSchema.TENANT_ID, ParsedSchema.SOURCE_KEY)
                    .parquet(staging + "/" + LakeLayout.REJECTS);
        }

        // manifests, and the per-file results
        List<Row> manifestRows = new ArrayList<>();
        List<IngestResult.FileResult> results = new ArrayList<>();
        List<String> staleRejects = new ArrayList<>();
        for (InputFile input : inputs) {
            String key = fileKey(input.tenantId(), input.sourceFile());
            String sourceKey = FileParser.sourceKey(input.tenantId(), input.sourceFile());
            // every input has its summary: the parse step checks it
            FileSummary summary = byFile.get(key);
            String format = summary.format();
            String charset = summary.encoding();
            long rejectCount = summary.rejected();
            Optional<String> error = summary.error();
            long read = rejectCount;
            long written = 0;
            for (Map.Entry<String, Long> month : summary.signInsPerMonth().entrySet()) {
                long monthRead = month.getValue();
                long monthWritten = writtenPerFileMonth.getOrDefault(WrittenRows.key(input.tenantId(), input.sourceFile(), month.getKey()), 0L);
                read += monthRead;
                written += monthWritten;
                manifestRows.add(RowFactory.create(input.sourceFile(), format, charset, input.bytes(), month.getKey(),
                        monthRead, monthWritten, monthRead - monthWritten, 0L, run, input.tenantId(), sourceKey));
            }
            if (rejectCount > 0 || read == 0) {
                manifestRows.add(RowFactory.create(input.sourceFile(), format, charset, input.bytes(), null,
                        rejectCount, 0L, 0L, rejectCount, run, input.tenantId(), sourceKey));
            }
            if (rejectCount == 0) {
                staleRejects.add(LakeLayout.REJECTS + "/" + SignInSchema.TENANT_ID + "=" + input.tenantId() + "/"
                        + ParsedSchema.SOURCE_KEY + "=" + sourceKey);
            }
            results.add(new IngestResult.FileResult(input.sourceFile(), input.tenantId(), format, charset, input.bytes(),
                    read, written, read - written - rejectCount, rejectCount, error));
        }
        describe("ingest: write manifests");
        // a few rows per file: one task per core, each writing whole partitions (one file each)
        spark.createDataFrame(manifestRows, ManifestSchema.MANIFEST)
                .repartition(spark.sparkContext().defaultParallelism(), col(SignInSchema.TENANT_ID), col(ParsedSchema.SOURCE_KEY))
                .write()
                .mode(SaveMode.Overwrite)
                .partitionBy(SignInSchema.TENANT_ID, ParsedSchema.SOURCE_KEY)
                .parquet(staging + "/" + LakeLayout.MANIFESTS);

        // publish: staged partitions replace theirs; touched partitions left empty and stale rejects go
        List<String> publish = new ArrayList<>();
        publish.addAll(publisher.stagedPartitions(run, LakeLayout.SIGNINS, 2));
        publish.addAll(publisher.stagedPartitions(run, LakeLayout.REJECTS, 2));
        publish.addAll(publisher.stagedPartitions(run, LakeLayout.MANIFESTS, 2));
        List<String> delete = new ArrayList<>();
        for (String partition : touched) {
            String path = LakeLayout.SIGNINS + "/" + partition;
            if (!publish.contains(path) && publisher.exists(path)) {
                delete.add(path);
            }
        }
        for (String path : staleRejects) {
            if (publisher.exists(path)) {
                delete.add(path);
            }
        }
        describe("ingest: publish");
        publisher.commit(run, publish, delete);
        describe(null);
        return new IngestResult(run, results, List.copyOf(touched), unknownClientApps, missingClientApps);
    }

    private void describe(String step)
    {
        long now = System.nanoTime();
        if (stepName != null) {
            LOG.info("{} took {} ms", stepName, (now - stepStarted) / 1_000_000);
        }
        stepName = step;
        stepStarted = now;
        if (step != null) {
            spark.sparkContext().setJobDescription(step);
        }
    }

    private String newRunId()
    {
        String time = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss").format(clock.instant().atOffset(ZoneOffset.UTC));
        return "ingest-" + time + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    }

    private static Row fileRow(InputFile input)
    {
        return RowFactory.create(input.path(), input.tenantId(), input.sourceFile(), input.bytes());
    }

    private static String fileKey(String tenantId, String sourceFile)
    {
        return tenantId + "\u0000" + sourceFile;
    }

    private static Column[] columns(String[] names)
    {
        Column[] columns = new Column[names.length];
        for (int index = 0; index < names.length; index++) {
            columns[index] = col(names[index]);
        }
        return columns;
    }
}
