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
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.CollectionAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.Charset;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

/**
 * The ingest stage: sign-in exports into the lake's {@code signins} table, with every record accounted for in
 * {@code rejects} and {@code _manifests} ({@link ManifestSchema}).
 *
 * <p>Files are independent, so they are spread over the executors and parsed there ({@link FileParser}). Each row
 * goes to the {@code tenant_id=…/month=…} partition of its own UTC time. A partition that a file the run reads again
 * fed before is rewritten whole: its earlier rows, less those that came from that file, merged with the new rows.
 * Any other partition the lake holds keeps its files and gains one with the run's sign-ins it does not have. The same
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
    // the run's staging folders besides the tables: the parse tasks' rejects, partitions merged with the lake's, and
    // partitions' run rows without the sign-ins the lake has
    private static final String REJECTED = "rejected";
    private static final String MERGED = "merged";
    private static final String KEPT = "kept";
    // a sign-in's key in the lake; its copies share their time, hence their month
    private static final String[] SIGN_IN_KEY = {SignInSchema.TENANT_ID, SignInSchema.MONTH, SignInSchema.SIGN_IN_ID};
    // The most sign-ins of a run that the lake has already which are sent to every task to leave them out of the run's
    // rows; more are left out after a shuffle. Each takes about 120 bytes in Spark's broadcast table: 60 MB at most,
    // built on the driver. A month's exports usually share a few per cent of their sign-ins with the month before.
    static final long MAX_KNOWN_SIGN_INS_TO_BROADCAST = 500_000;
    private static final int TASKS_PER_CORE = 16;
    // Manifest rows per task that writes them: about 0.4 MB of task, under the 1,000 KiB Spark recommends at most.
    private static final int MANIFEST_ROWS_PER_SLICE = 1_000;
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
    // The most of the lake's sign-ins a parse task holds for one tenant to leave them out of the run's rows (about 32
    // bytes each): 64 MB. Past that, a job leaves them out after the parse. A monthly run usually reads the month before
    // whole (the exports start on its last day) and the part of its own month that the month before's exports reached.
    static final long MAX_LAKE_SIGN_INS_IN_TASK = 2_000_000;
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
    private long maxKnownSignInsToBroadcast = MAX_KNOWN_SIGN_INS_TO_BROADCAST;
    private long maxLakeSignInsInTask = MAX_LAKE_SIGN_INS_IN_TASK;
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

    /**
     * At most how many of the run's sign-ins that the lake has already are sent to every task to leave them out of the
     * run's rows; by default {@link #MAX_KNOWN_SIGN_INS_TO_BROADCAST}.
     */
    IngestJob maxKnownSignInsToBroadcast(long signIns)
    {
        this.maxKnownSignInsToBroadcast = signIns;
        return this;
    }

    /**
     * At most how many of the lake's sign-ins a parse task that deduplicates holds for one tenant to leave them out of
     * the run's rows; by default {@link #MAX_LAKE_SIGN_INS_IN_TASK}.
     */
    IngestJob maxLakeSignInsInTask(long signIns)
    {
        this.maxLakeSignInsInTask = signIns;
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

        // 1. the partitions that the run's files fed before, from the manifests: the run rewrites them
        describe("ingest: find the partitions to rewrite");
        List<Row> fileRows = new ArrayList<>();
        for (InputFile input : inputs) {
            fileRows.add(fileRow(input));
        }
        Dataset<Row> runFiles = spark.createDataFrame(fileRows, ParsedSchema.INPUT_FILES)
                .select(SignInSchema.TENANT_ID, SignInSchema.SOURCE_FILE);
        // only the manifests of the run's files are read, if any: a month's new exports have none
        List<String> runManifests = inputs.stream()
                .map(input -> LakeLayout.MANIFESTS + "/" + SignInSchema.TENANT_ID + "=" + input.tenantId() + "/"
                        + ManifestSchema.SOURCE_KEY + "=" + FileParser.sourceKey(input.tenantId(), input.sourceFile()))
                .filter(publisher::exists)
                .toList();
        Set<String> fedBefore = new HashSet<>();
        if (!runManifests.isEmpty()) {
            Dataset<Row> manifests = spark.read()
                    .schema(ManifestSchema.MANIFEST)
                    .option("basePath", lake.manifests())
                    .parquet(runManifests.stream().map(path -> lake.root() + "/" + path).toArray(String[]::new));
            // by name too: two files' keys could be the same
            for (Row row : manifests.where(col(SignInSchema.MONTH).isNotNull())
                    .join(runFiles, new String[] {SignInSchema.TENANT_ID, SignInSchema.SOURCE_FILE}, "left_semi")
                    .select(SignInSchema.TENANT_ID, SignInSchema.MONTH).distinct().collectAsList()) {
                fedBefore.add(SignInSchema.partition(row.getString(0), row.getString(1)));
            }
        }

        // the partitions the lake holds for the run's tenants: listed once, as a run touches no other tenant's
        Set<String> inLake = lakePartitions(publisher);

        // 2. parse every file on the executors and write one row per sign-in straight to staging, each task writing
        //    its files' rejects to files of their own. When grouping the files by tenant leaves the tasks about as
        //    balanced as they are file by file, a task holds all the files of its tenants and keeps the first copy of
        //    each sign-in itself, leaving out those the lake has in the months the run extends; otherwise the parse
        //    tasks feed a shuffle that brings each sign-in's copies together
        int parallelism = spark.sparkContext().defaultParallelism();
        long inputBytes = inputs.stream().mapToLong(InputFile::bytes).sum();
        FileParser.Deduplication deduplication = this.deduplication.orElseGet(() -> deduplicationFor(inputs, parallelism));
        CollectionAccumulator<String> lakeMonthsRead = spark.sparkContext().collectionAccumulator("lake partitions read by " + run);
        FileParser.LakeMonths lakeMonths = new FileParser.LakeMonths(lake.signins(),
                deduplication == FileParser.Deduplication.IN_TASK ? difference(inLake, fedBefore) : Set.of(),
                maxLakeSignInsInTask, lakeMonthsRead);
        describe("ingest: parse " + inputs.size() + " files and write their sign-ins"
                + (deduplication == FileParser.Deduplication.IN_TASK ? "" : " (deduplicated after a shuffle)"));
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
                .mapPartitions(new FileParser(hadoopSettings, encoding, summaries, staging + "/" + REJECTED, deduplication, lakeMonths),
                        Encoders.row(SignInSchema.TABLE))
                .withColumn(PRIORITY, lit(WrittenRows.FRESH));
        switch (deduplication) {
            case IN_TASK -> write(fresh, written, staging + "/" + LakeLayout.SIGNINS);
            case AFTER_PARSE -> writeOnePerSignIn(fresh, writeTasksForInput(inputBytes, shufflePartitions), written, staging + "/" + LakeLayout.SIGNINS);
        }

        // 3. what each file was and could not give, the months of its rows, and the client apps the table does not
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

        // 4. the partitions the lake has already. One that a file read again fed before is rewritten: its rows, less
        //    those from the files read again, merged with the run's, one row per sign-in again. Any other keeps its
        //    files and gains the run's sign-ins it does not have yet, which the parse tasks found for the months they
        //    read the lake's sign-ins of, and a job finds for the others. Either way the result replaces the run's own
        //    rows in staging
        touched.addAll(fedBefore);
        Map<String, Long> writtenPerFileMonth = new HashMap<>(written.value());
        List<String> existing = touched.stream().filter(inLake::contains).toList();
        List<String> extended = existing.stream().filter(partition -> !fedBefore.contains(partition)).toList();
        List<String> rewritten = existing.stream().filter(fedBefore::contains).toList();
        Set<String> leftOutInTasks = Set.copyOf(lakeMonthsRead.value());
        List<String> unchecked = extended.stream().filter(partition -> !leftOutInTasks.contains(partition)).toList();
        if (!extended.isEmpty()) {
            LOG.info("Ingest {}: the parse tasks left out the lake's sign-ins of {} of the {} partitions the run extends",
                    run, extended.size() - unchecked.size(), extended.size());
        }
        if (!unchecked.isEmpty()) {
            describe("ingest: find the sign-ins that " + unchecked.size() + " partitions of the lake have already");
            // the lake's copy of a sign-in wins: only the ids are read, the lake's and the run's
            Dataset<Row> known = stagedSignIns(run, staging, publisher, unchecked)
                    .select(columns(SIGN_IN_KEY))
                    .join(lakeSignIns(unchecked).select(columns(SIGN_IN_KEY)), SIGN_IN_KEY, "left_semi")
                    .persist(StorageLevel.MEMORY_AND_DISK());
            try {
                Map<String, Long> knownPerPartition = new TreeMap<>();
                for (Row row : known.groupBy(SignInSchema.TENANT_ID, SignInSchema.MONTH).count().collectAsList()) {
                    knownPerPartition.put(SignInSchema.partition(row.getString(0), row.getString(1)), row.getLong(2));
                }
                long knownSignIns = knownPerPartition.values().stream().mapToLong(Long::longValue).sum();
                // a partition whose staged rows the lake has none of is published as it is staged
                List<String> overlapping = List.copyOf(knownPerPartition.keySet());
                if (!overlapping.isEmpty()) {
                    describe("ingest: leave " + knownSignIns + " sign-ins the lake has out of " + overlapping.size() + " partitions");
                    WrittenRows kept = new WrittenRows();
                    spark.sparkContext().register(kept, "sign-ins kept by " + run);
                    boolean sentToEveryTask = knownSignIns <= maxKnownSignInsToBroadcast;
                    Dataset<Row> additions = stagedSignIns(run, staging, publisher, overlapping)
                            .join(sentToEveryTask ? broadcast(known) : known, SIGN_IN_KEY, "left_anti")
                            .withColumn(PRIORITY, lit(WrittenRows.FRESH));
                    if (sentToEveryTask) {
                        // the staged rows are filtered where they are read, not shuffled
                        write(additions, kept, staging + "/" + KEPT);
                    }
                    else {
                        // both sides shuffled; then one task per partition writes its file
                        writeOnePerSignIn(additions, writeTasks(rowsIn(writtenPerFileMonth, overlapping), shufflePartitions), kept, staging + "/" + KEPT);
                    }
                    replaceCounts(writtenPerFileMonth, overlapping, kept.value());
                    for (String partition : overlapping) {
                        publisher.restage(run, KEPT + "/" + partition, LakeLayout.SIGNINS + "/" + partition);
                    }
                }
            }
            finally {
                known.unpersist();
            }
        }
        if (!rewritten.isEmpty()) {
            describe("ingest: merge with " + rewritten.size() + " partitions of the lake");
            Column[] tableColumns = columns(SignInSchema.TABLE.fieldNames());
            Dataset<Row> lakeRows = lakeSignIns(rewritten);
            long rows = lakeRows.count() + rowsIn(writtenPerFileMonth, rewritten);
            Dataset<Row> all = lakeRows
                    .join(runFiles, new String[] {SignInSchema.TENANT_ID, SignInSchema.SOURCE_FILE}, "left_anti")
                    .select(tableColumns)
                    .withColumn(PRIORITY, lit(0))
                    .unionByName(stagedSignIns(run, staging, publisher, rewritten).withColumn(PRIORITY, lit(WrittenRows.FRESH)));
            WrittenRows mergedRows = new WrittenRows();
            spark.sparkContext().register(mergedRows, "sign-ins merged by " + run);
            writeOnePerSignIn(all, writeTasks(rows, shufflePartitions), mergedRows, staging + "/" + MERGED);
            replaceCounts(writtenPerFileMonth, rewritten, mergedRows.value());
            for (String partition : rewritten) {
                publisher.restage(run, MERGED + "/" + partition, LakeLayout.SIGNINS + "/" + partition);
            }
        }

        return finish(run, staging, publisher, touched, Set.copyOf(extended), byFile, writtenPerFileMonth, unknownClientApps, missingClientApps);
    }

    /** The partitions ({@code tenant_id=…/month=…}) of the lake's {@code signins} for the tenants of the run's files. */
    private Set<String> lakePartitions(LakePublisher publisher)
    {
        Set<String> partitions = new HashSet<>();
        for (String tenantId : inputs.stream().map(InputFile::tenantId).distinct().toList()) {
            for (String path : publisher.partitions(LakeLayout.SIGNINS + "/" + SignInSchema.TENANT_ID + "=" + tenantId, 1)) {
                partitions.add(path.substring(LakeLayout.SIGNINS.length() + 1));
            }
        }
        return partitions;
    }

    private static Set<String> difference(Set<String> all, Set<String> left)
    {
        Set<String> rest = new HashSet<>(all);
        rest.removeAll(left);
        return rest;
    }

    /** The rows the run wrote to some partitions ({@code tenant_id=…/month=…}), by the counts so far. */
    private static long rowsIn(Map<String, Long> writtenPerFileMonth, List<String> partitions)
    {
        Set<String> wanted = Set.copyOf(partitions);
        long rows = 0;
        for (Map.Entry<String, Long> entry : writtenPerFileMonth.entrySet()) {
            if (wanted.contains(WrittenRows.partition(entry.getKey()))) {
                rows += entry.getValue();
            }
        }
        return rows;
    }

    /** Replaces the counts of what the run wrote to some partitions ({@code tenant_id=…/month=…}) with those of their rewrite. */
    private static void replaceCounts(Map<String, Long> writtenPerFileMonth, List<String> partitions, Map<String, Long> rewrite)
    {
        Set<String> rewritten = Set.copyOf(partitions);
        writtenPerFileMonth.keySet().removeIf(key -> rewritten.contains(WrittenRows.partition(key)));
        writtenPerFileMonth.putAll(rewrite);
    }

    /** The rows of some of the lake's {@code signins} partitions ({@code tenant_id=…/month=…}). */
    private Dataset<Row> lakeSignIns(List<String> partitions)
    {
        return spark.read()
                .schema(SignInSchema.TABLE)
                .option("basePath", lake.signins())
                .parquet(partitions.stream().map(partition -> lake.signins() + "/" + partition).toArray(String[]::new));
    }

    /** The rows the run staged in some {@code signins} partitions, the table's columns in order; none for those it did not stage. */
    private Dataset<Row> stagedSignIns(String run, String staging, LakePublisher publisher, List<String> partitions)
    {
        List<String> staged = new ArrayList<>();
        for (String partition : partitions) {
            if (publisher.staged(run, LakeLayout.SIGNINS + "/" + partition)) {
                staged.add(staging + "/" + LakeLayout.SIGNINS + "/" + partition);
            }
        }
        if (staged.isEmpty()) {
            return spark.createDataFrame(List.of(), SignInSchema.TABLE);
        }
        return spark.read()
                .schema(SignInSchema.TABLE)
                .option("basePath", staging + "/" + LakeLayout.SIGNINS)
                .parquet(staged.toArray(new String[0]))
                .select(columns(SignInSchema.TABLE.fieldNames()));
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
            Set<String> extended,
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
        // a few rows per file: one task per core, each writing whole partitions (one file each); the rows go out in
        // slices of at most MANIFEST_ROWS_PER_SLICE, so that no task carries more than Spark's recommended size
        int slices = Math.max(spark.sparkContext().defaultParallelism(), (manifestRows.size() + MANIFEST_ROWS_PER_SLICE - 1) / MANIFEST_ROWS_PER_SLICE);
        spark.createDataFrame(JavaSparkContext.fromSparkContext(spark.sparkContext()).parallelize(manifestRows, slices), ManifestSchema.MANIFEST)
                .repartition(spark.sparkContext().defaultParallelism(), col(SignInSchema.TENANT_ID), col(ParsedSchema.SOURCE_KEY))
                .write()
                .mode(SaveMode.Overwrite)
                .partitionBy(SignInSchema.TENANT_ID, ParsedSchema.SOURCE_KEY)
                .parquet(staging + "/" + LakeLayout.MANIFESTS);

        // publish: staged partitions replace theirs, or add their files to those the lake keeps; touched partitions
        // left empty and stale rejects go
        List<String> publish = new ArrayList<>();
        List<String> extend = new ArrayList<>();
        for (String path : publisher.stagedPartitions(run, LakeLayout.SIGNINS, 2)) {
            (extended.contains(path.substring(LakeLayout.SIGNINS.length() + 1)) ? extend : publish).add(path);
        }
        publish.addAll(publisher.stagedPartitions(run, LakeLayout.REJECTS, 2));
        publish.addAll(publisher.stagedPartitions(run, LakeLayout.MANIFESTS, 2));
        List<String> delete = new ArrayList<>();
        for (String partition : touched) {
            String path = LakeLayout.SIGNINS + "/" + partition;
            // an extended partition that gained nothing stays as it is
            if (!publish.contains(path) && !extended.contains(partition) && publisher.exists(path)) {
                delete.add(path);
            }
        }
        for (String path : staleRejects) {
            if (publisher.exists(path)) {
                delete.add(path);
            }
        }
        describe("ingest: publish");
        publisher.commit(run, publish, extend, delete);
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
