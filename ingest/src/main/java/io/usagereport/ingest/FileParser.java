package io.usagereport.ingest;

import io.usagereport.ingest.format.ExportFormats;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.CollectionAccumulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import static java.util.Objects.requireNonNull;

/**
 * The parse step, run on the executors: each input file (a row of {@link ParsedSchema#INPUT_FILES}) becomes its
 * sign-in rows ({@link SignInSchema#TABLE}), its rejects in a file of their own ({@link RejectFile}), and one
 * {@link FileSummary} added to the job's accumulator once the file is read to its end.
 *
 * <p>The readers push records into a sink while Spark pulls rows from an iterator, so each file is read on a
 * helper thread that hands over batches through a small bounded queue: memory stays flat whatever the file's size.
 */
final class FileParser
        implements MapPartitionsFunction<Row, Row>
{
    private static final long serialVersionUID = 1L;
    private static final int BATCH_ROWS = 1024;
    private static final int QUEUE_BATCHES = 8;

    private final Map<String, String> hadoopSettings;
    private final String encoding;
    private final CollectionAccumulator<FileSummary> summaries;
    private final String rejectsFolder;
    private final Deduplication deduplication;
    private final LakeMonths lakeMonths;

    /**
     * @param hadoopSettings the driver's Hadoop configuration, so executors open {@code s3a:}/{@code abfss:} paths
     *         with the same settings
     * @param encoding the character set for files without a byte order mark; empty for UTF-8
     * @param summaries receives one summary per file read to its end (a retried task adds one again, naming its own
     *         rejects file)
     * @param rejectsFolder where the files of rejects go
     * @param deduplication {@link Deduplication#IN_TASK} when each task holds all the files of its tenants, in the
     *         order of {@link FileBins#balanceByTenant}: the task then gives only the first row of each sign-in
     * @param lakeMonths with {@link Deduplication#IN_TASK}, the months of the lake whose sign-ins a task leaves out too
     */
    FileParser(Map<String, String> hadoopSettings, Optional<Charset> encoding, CollectionAccumulator<FileSummary> summaries, String rejectsFolder,
            Deduplication deduplication, LakeMonths lakeMonths)
    {
        this.hadoopSettings = Map.copyOf(hadoopSettings);
        this.encoding = encoding.map(Charset::name).orElse("");
        this.summaries = requireNonNull(summaries, "summaries is null");
        this.rejectsFolder = requireNonNull(rejectsFolder, "rejectsFolder is null");
        this.deduplication = requireNonNull(deduplication, "deduplication is null");
        this.lakeMonths = requireNonNull(lakeMonths, "lakeMonths is null");
    }

    /** Where the copies of a sign-in that several files (or lines) hold are brought down to one. */
    enum Deduplication
    {
        /** In the parse task, which holds every file of its tenants ({@link FileBins#balanceByTenant}). */
        IN_TASK,
        /** By the job, after a shuffle: the parse task gives every row. */
        AFTER_PARSE,
    }

    /**
     * The months of the lake whose sign-ins the parse tasks that deduplicate leave out: a task reads a month's ids
     * ({@link LakeSignInIds}) the first time a row of the month comes for the tenant, as long as the tenant's ids read
     * stay within {@code mostSignInsPerTenant}, and names each partition it read in {@code read}. The job leaves the
     * lake's sign-ins out of any other month itself.
     *
     * @param signins the lake's {@code signins} folder
     * @param partitions the partitions ({@code tenant_id=…/month=…}) to leave the lake's sign-ins out of
     * @param mostSignInsPerTenant at most how many of the lake's sign-ins a task holds for one tenant (about 32 bytes each)
     * @param read receives each partition ({@code tenant_id=…/month=…}) whose sign-ins a task left out
     */
    record LakeMonths(String signins, Set<String> partitions, long mostSignInsPerTenant, CollectionAccumulator<String> read)
            implements Serializable
    {
        private static final long serialVersionUID = 1L;

        LakeMonths
        {
            requireNonNull(signins, "signins is null");
            partitions = Set.copyOf(partitions);
            requireNonNull(read, "read is null");
        }

        /** No month: the lake's sign-ins are all left to the job. */
        static LakeMonths none()
        {
            return new LakeMonths("", Set.of(), 0, new CollectionAccumulator<>());
        }
    }

    @Override
    public Iterator<Row> call(Iterator<Row> files)
    {
        Configuration configuration = new Configuration(false);
        hadoopSettings.forEach(configuration::set);
        Optional<Charset> charset = encoding.isEmpty() ? Optional.empty() : Optional.of(Charset.forName(encoding));
        Optional<TenantSignIns> seen = switch (deduplication) {
            case IN_TASK -> Optional.of(new TenantSignIns(configuration, lakeMonths));
            case AFTER_PARSE -> Optional.empty();
        };
        return new Iterator<>()
        {
            private Iterator<Row> current = java.util.Collections.emptyIterator();
            private String tenantId = "";

            @Override
            public boolean hasNext()
            {
                while (!current.hasNext() && files.hasNext()) {
                    Row file = files.next();
                    if (!file.getString(1).equals(tenantId)) {
                        // the files come by tenant: the previous tenant's sign-ins cannot come again
                        tenantId = file.getString(1);
                        String tenant = tenantId;
                        seen.ifPresent(signIns -> signIns.startTenant(tenant));
                    }
                    // the previous file's reader has ended (its end marker is taken) before this one starts
                    current = new FileRows(configuration, charset, file, summaries, rejectsFolder, seen);
                }
                return current.hasNext();
            }

            @Override
            public Row next()
            {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
    }

    static String sourceKey(String tenantId, String sourceFile)
    {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(tenantId.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(sourceFile.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The sign-ins a task that deduplicates has seen of the tenant it reads: those it gave, and the lake's in the
     * months of {@link LakeMonths} that its rows fall in. Used by one reader thread at a time.
     */
    private static final class TenantSignIns
    {
        private final Configuration configuration;
        private final LakeMonths lakeMonths;
        private final SeenSignIns seen = new SeenSignIns();
        private final Set<String> monthsMet = new HashSet<>();
        private String tenantId = "";
        private long lakeSignIns;

        TenantSignIns(Configuration configuration, LakeMonths lakeMonths)
        {
            this.configuration = configuration;
            this.lakeMonths = lakeMonths;
        }

        /** Forgets every sign-in: the task goes on to another tenant, whose sign-ins cannot be the previous one's. */
        void startTenant(String tenantId)
        {
            this.tenantId = tenantId;
            seen.clear();
            monthsMet.clear();
            lakeSignIns = 0;
        }

        /**
         * @return whether the sign-in is new: neither given before nor in the lake's month
         * @throws LakeSignInIds.NotRead if the lake's sign-ins of the month cannot be read
         */
        boolean add(String month, String signInId)
        {
            if (monthsMet.add(month)) {
                addLakeSignIns(month);
            }
            return seen.add(month, signInId);
        }

        /** The lake's sign-ins of the tenant's month, if it is one of {@link LakeMonths} and within the tenant's budget. */
        private void addLakeSignIns(String month)
        {
            String partition = SignInSchema.partition(tenantId, month);
            if (!lakeMonths.partitions().contains(partition)) {
                return;
            }
            LakeSignInIds ids = LakeSignInIds.open(configuration, new Path(lakeMonths.signins(), partition));
            // past the budget, the job leaves this month's known sign-ins out after the parse
            if (lakeSignIns + ids.rows() <= lakeMonths.mostSignInsPerTenant()) {
                ids.forEach(id -> seen.add(month, id));
                lakeSignIns += ids.rows();
                lakeMonths.read().add(partition);
            }
        }
    }

    /** The rows of one file, produced by a reader thread. */
    private static final class FileRows
            implements Iterator<Row>, SignInSink
    {
        private static final List<Row> END = List.of();

        private final BlockingQueue<List<Row>> queue = new ArrayBlockingQueue<>(QUEUE_BATCHES);
        private final String tenantId;
        private final String sourceFile;
        private final CollectionAccumulator<FileSummary> summaries;
        private final FileSummary.Builder summary;
        private final RejectFile rejects;
        private final Optional<TenantSignIns> seen;
        private List<Row> batch = new ArrayList<>(BATCH_ROWS);
        private Iterator<Row> taken = java.util.Collections.emptyIterator();
        private boolean finished;
        private volatile boolean abandoned;
        // what stopped the reader thread before the end of its file, for the task to throw
        private volatile Throwable failure;

        FileRows(Configuration configuration, Optional<Charset> encoding, Row file, CollectionAccumulator<FileSummary> summaries, String rejectsFolder,
                Optional<TenantSignIns> seen)
        {
            String path = file.getString(0);
            this.tenantId = file.getString(1);
            this.sourceFile = file.getString(2);
            this.summaries = summaries;
            this.summary = new FileSummary.Builder(tenantId, sourceFile);
            this.rejects = new RejectFile(configuration, rejectsFolder, tenantId, sourceKey(tenantId, sourceFile), sourceFile);
            this.seen = seen;
            Thread reader = new Thread(() -> read(configuration, encoding, path), "usage-report-reader");
            reader.setDaemon(true);
            TaskContext task = TaskContext.get();
            if (task != null) {
                task.addTaskCompletionListener(context -> {
                    abandoned = true;
                    reader.interrupt();
                });
            }
            reader.start();
        }

        private void read(Configuration configuration, Optional<Charset> encoding, String path)
        {
            try {
                parse(configuration, encoding, path);
            }
            catch (CancellationSignal e) {
                rejects.abandon();
            }
            catch (RuntimeException | Error e) {
                // the rejects could not be written, the lake could not be read, or a fault of ours: the task fails
                // rather than lose rows or keep copies
                rejects.abandon();
                failure = e;
                try {
                    put(END);
                }
                catch (CancellationSignal cancelled) {
                    // the task is gone
                }
            }
        }

        private void parse(Configuration configuration, Optional<Charset> encoding, String path)
        {
            String format = "unknown";
            String charset = encoding.map(Charset::name).orElse(StandardCharsets.UTF_8.name());
            try {
                Path hadoopPath = new Path(path);
                FileSystem fileSystem = hadoopPath.getFileSystem(configuration);
                try (InputStream stream = fileSystem.open(hadoopPath)) {
                    ExportFormats.ReadResult result = ExportFormats.read(sourceFile, stream, encoding, this);
                    format = result.format();
                    charset = result.charset().name();
                }
            }
            catch (CancellationSignal | RejectFile.NotWritten | LakeSignInIds.NotRead e) {
                throw e;
            }
            catch (UsageReportException e) {
                reject(Reject.ofRecord(0, 0, e.getMessage(), ""));
            }
            catch (IOException | RuntimeException | Error e) {
                String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                String problem;
                if (message.startsWith("Cannot read " + sourceFile)) {
                    // the readers' own messages name the file and the line already
                    problem = message;
                }
                else if (e instanceof IOException io && ExportFormats.isDecodingError(io)) {
                    problem = "Cannot decode " + sourceFile + " as " + charset + " after its start; pass --encoding with the file's character set";
                }
                else {
                    problem = "Cannot read the rest of " + sourceFile + ": " + message;
                }
                reject(Reject.ofRecord(0, 0, problem, ""));
            }
            finish(format, charset);
        }

        private void finish(String format, String charset)
        {
            flush();
            Optional<String> rejectsFile = rejects.close();
            // before the end marker: the task reports its accumulators only after it has taken every row
            summaries.add(summary.build(format, charset, rejectsFile));
            put(END);
        }

        @Override
        public void signIn(SignIn signIn, long record, long line)
        {
            String month = YearMonth.from(signIn.createdAt().atOffset(ZoneOffset.UTC)).toString();
            summary.signIn(month, ClientApps.map(signIn.clientApp()).kind(), signIn.clientApp());
            if (seen.isPresent() && !seen.get().add(month, signIn.signInId())) {
                // a later copy: the job counts it among the duplicates, as it counts what it does not write
                return;
            }
            add(RowFactory.create(
                    signIn.signInId(),
                    Timestamp.from(signIn.createdAt()),
                    signIn.userPrincipalName(),
                    signIn.userId().orElse(null),
                    signIn.userDisplayName().orElse(null),
                    signIn.clientApp().orElse(null),
                    signIn.protocol().name(),
                    signIn.basicAuth(),
                    signIn.appDisplayName().orElse(null),
                    signIn.ipAddress().orElse(null),
                    signIn.location().orElse(null),
                    signIn.userAgent().orElse(null),
                    signIn.succeeded(),
                    signIn.errorCode(),
                    signIn.failureReason().orElse(null),
                    sourceFile,
                    line,
                    tenantId,
                    month));
        }

        @Override
        public void reject(Reject reject)
        {
            String reason = reject.record() == 0 ? reject.problem() : reject.message(sourceFile);
            summary.reject(reject.record() == 0 ? Optional.of(reason) : Optional.empty());
            rejects.write(reject.line(), reject.record(), reject.field(), reason, reject.rawText());
        }

        private void add(Row row)
        {
            batch.add(row);
            if (batch.size() >= BATCH_ROWS) {
                flush();
            }
        }

        private void flush()
        {
            if (!batch.isEmpty()) {
                put(batch);
                batch = new ArrayList<>(BATCH_ROWS);
            }
        }

        private void put(List<Row> rows)
        {
            try {
                queue.put(rows);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                if (!abandoned) {
                    throw new IllegalStateException("Reader of " + sourceFile + " was interrupted", e);
                }
                throw new CancellationSignal();
            }
        }

        @Override
        public boolean hasNext()
        {
            while (!taken.hasNext() && !finished) {
                List<Row> rows;
                try {
                    rows = queue.take();
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while reading " + sourceFile, e);
                }
                if (rows == END) {
                    finished = true;
                    if (failure != null) {
                        throw new IllegalStateException(failure.getMessage() == null ? "Reader of " + sourceFile + " failed" : failure.getMessage(), failure);
                    }
                }
                taken = rows.iterator();
            }
            return taken.hasNext();
        }

        @Override
        public Row next()
        {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return taken.next();
        }
    }

    /** Ends a reader thread whose task is gone; nothing waits for its rows any more. */
    private static final class CancellationSignal
            extends RuntimeException
    {
        private static final long serialVersionUID = 1L;

        CancellationSignal()
        {
            super(null, null, false, false);
        }
    }
}
