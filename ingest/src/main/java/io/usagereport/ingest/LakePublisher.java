package io.usagereport.ingest;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * Publishes partitions that a job wrote under a staging folder into the lake, so that readers see either the old
 * or the new content of a partition, never a mix, and a crash at any point is repaired by the next job.
 *
 * <p>A run stages its partitions under {@code LAKE/_staging/<run>/}, then writes a journal ({@code _COMMIT}) that
 * lists each partition to publish, extend or delete; from then on the run counts as committed. Publishing moves the
 * old partition folder to {@code LAKE/_trash/<run>/} and the staged one into its place (each a directory rename);
 * extending moves the staged folder's files into the partition's folder, beside its files (a file rename each: a
 * partition extended by one file, as ingest's usually are, goes from its old content to its new at once; one extended
 * by several gains them one by one). Then the trash and the staging folder are removed. {@link #recover()} finishes
 * every committed run and deletes every uncommitted one, so it is safe to call at the start of each job. Directory renames are atomic on local file
 * systems and HDFS; on object stores ({@code s3a:}) they are copies, and the guarantee is weaker.
 *
 * <p>One job writes to a lake at a time.
 */
public final class LakePublisher
{
    private static final Logger LOG = LoggerFactory.getLogger(LakePublisher.class);
    private static final String STAGING = "_staging";
    private static final String TRASH = "_trash";
    private static final String JOURNAL = "_COMMIT";
    // the journal's lines: an action, then a partition relative to the lake
    private static final String PUBLISH = "P ";
    private static final String EXTEND = "A ";
    private static final String DELETE = "D ";

    private final FileSystem fileSystem;
    private final Path root;

    public LakePublisher(Configuration configuration, String lakeRoot)
    {
        requireNonNull(configuration, "configuration is null");
        requireNonNull(lakeRoot, "lakeRoot is null");
        try {
            Path path = new Path(lakeRoot);
            this.fileSystem = path.getFileSystem(configuration);
            this.root = fileSystem.makeQualified(path);
        }
        catch (IOException e) {
            throw new UsageReportException(ErrorCode.STORAGE, "Cannot open the lake " + lakeRoot + ": " + StorageFailures.reason(e), e);
        }
    }

    /** The folder a run writes its partitions under, e.g. {@code LAKE/_staging/<run>}. */
    public String staging(String runId)
    {
        return new Path(new Path(root, STAGING), runId).toString();
    }

    /** Whether a partition (a path relative to the lake, e.g. {@code signins/tenant_id=…/month=…}) exists. */
    public boolean exists(String relativePath)
    {
        try {
            return fileSystem.exists(new Path(root, relativePath));
        }
        catch (IOException e) {
            throw storage("check " + relativePath, e);
        }
    }

    /** Whether a run staged a path (relative to its staging folder, e.g. {@code signins/tenant_id=…/month=…}). */
    public boolean staged(String runId, String relativePath)
    {
        try {
            return fileSystem.exists(new Path(staging(runId), relativePath));
        }
        catch (IOException e) {
            throw storage("check " + relativePath + " in the staging folder of run " + runId, e);
        }
    }

    /**
     * Moves a staged path to another place in the run's staging folder, replacing what was there; if the path does not
     * exist, only removes what was at the target.
     */
    public void restage(String runId, String from, String to)
    {
        Path source = new Path(staging(runId), from);
        Path target = new Path(staging(runId), to);
        try {
            fileSystem.delete(target, true);
            if (fileSystem.exists(source)) {
                fileSystem.mkdirs(target.getParent());
                rename(source, target);
            }
        }
        catch (IOException e) {
            throw storage("move " + from + " to " + to + " in the staging folder of run " + runId, e);
        }
    }

    /**
     * The partitions a run staged under one table, as paths relative to the lake: the leaf folders that hold files.
     *
     * @param table the table folder, e.g. {@code signins}
     * @param depth how many partition levels the table has
     */
    public List<String> stagedPartitions(String runId, String table, int depth)
    {
        return partitions(new Path(staging(runId), table), table, depth);
    }

    /**
     * The partitions the lake holds under a folder, as paths relative to the lake: the leaf folders of {@code depth}
     * partition levels below it, e.g. {@code signins/tenant_id=…/month=…} under {@code signins/tenant_id=…} with depth 1.
     * None if the folder does not exist.
     */
    public List<String> partitions(String relativeFolder, int depth)
    {
        return partitions(new Path(root, relativeFolder), relativeFolder, depth);
    }

    /** The partition folders {@code depth} levels below {@code folder}, named from {@code relative}, in order. */
    private List<String> partitions(Path folder, String relative, int depth)
    {
        List<String> partitions = new ArrayList<>();
        try {
            if (fileSystem.exists(folder)) {
                collect(folder, relative, depth, partitions);
            }
        }
        catch (IOException e) {
            throw storage("list " + folder, e);
        }
        partitions.sort(null);
        return List.copyOf(partitions);
    }

    private void collect(Path folder, String relative, int depth, List<String> partitions)
            throws IOException
    {
        for (FileStatus status : fileSystem.listStatus(folder)) {
            String name = status.getPath().getName();
            if (!status.isDirectory() || !name.contains("=")) {
                continue;
            }
            String child = relative + "/" + name;
            if (depth == 1) {
                partitions.add(child);
            }
            else {
                collect(status.getPath(), child, depth - 1, partitions);
            }
        }
    }

    /**
     * Commits a run: writes its journal, then moves each staged partition into place, the files of each extending one
     * into the lake's partition beside its own, and removes each deleted one.
     *
     * @param publish partitions staged under the run's folder, relative to it and to the lake alike, that replace the
     *         lake's
     * @param extend partitions staged likewise whose files are added to the lake's (file names must differ from the
     *         lake's, as Spark's do)
     * @param delete partitions to remove from the lake
     */
    public void commit(String runId, List<String> publish, List<String> extend, List<String> delete)
    {
        Path staging = new Path(staging(runId));
        Path journal = new Path(staging, JOURNAL);
        Path pending = new Path(staging, JOURNAL + ".pending");
        try {
            fileSystem.mkdirs(staging);
            try (FSDataOutputStream out = fileSystem.create(pending, true)) {
                StringBuilder text = new StringBuilder();
                publish.forEach(partition -> text.append(PUBLISH).append(partition).append('\n'));
                extend.forEach(partition -> text.append(EXTEND).append(partition).append('\n'));
                delete.forEach(partition -> text.append(DELETE).append(partition).append('\n'));
                out.write(text.toString().getBytes(StandardCharsets.UTF_8));
                out.hsync();
            }
            if (!fileSystem.rename(pending, journal)) {
                throw new IOException("rename of " + pending + " failed");
            }
        }
        catch (IOException e) {
            throw storage("commit run " + runId, e);
        }
        apply(runId);
    }

    /** Finishes every committed run left behind by a crash and deletes every uncommitted one. */
    public void recover()
    {
        Path stagingRoot = new Path(root, STAGING);
        try {
            if (!fileSystem.exists(stagingRoot)) {
                return;
            }
            for (FileStatus run : fileSystem.listStatus(stagingRoot)) {
                String runId = run.getPath().getName();
                if (fileSystem.exists(new Path(run.getPath(), JOURNAL))) {
                    LOG.info("Finishing the publication of interrupted run {}", runId);
                    apply(runId);
                }
                else {
                    LOG.info("Removing the staged files of interrupted run {}", runId);
                    fileSystem.delete(run.getPath(), true);
                }
            }
            Path trash = new Path(root, TRASH);
            if (fileSystem.exists(trash) && fileSystem.listStatus(trash).length == 0) {
                fileSystem.delete(trash, true);
            }
        }
        catch (IOException e) {
            throw storage("recover " + stagingRoot, e);
        }
    }

    /** Whether a run wrote its journal: from then on it is published, now or by {@link #recover()}. */
    public boolean committed(String runId)
    {
        try {
            return fileSystem.exists(new Path(staging(runId), JOURNAL));
        }
        catch (IOException e) {
            throw storage("check run " + runId, e);
        }
    }

    /** Removes a run's staging folder, and {@code _staging} when that leaves it empty, without publishing anything. */
    public void abandon(String runId)
    {
        try {
            fileSystem.delete(new Path(staging(runId)), true);
            Path stagingRoot = new Path(root, STAGING);
            if (fileSystem.exists(stagingRoot) && fileSystem.listStatus(stagingRoot).length == 0) {
                fileSystem.delete(stagingRoot, true);
            }
        }
        catch (IOException e) {
            throw storage("remove the staging folder of run " + runId, e);
        }
    }

    private void apply(String runId)
            throws UncheckedIOException
    {
        Path staging = new Path(staging(runId));
        Path trash = new Path(new Path(root, TRASH), runId);
        try {
            List<String> lines = new ArrayList<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(fileSystem.open(new Path(staging, JOURNAL)), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (!line.isBlank()) {
                        lines.add(line);
                    }
                }
            }
            for (String line : lines) {
                String relative = line.substring(2);
                Path target = new Path(root, relative);
                Path staged = new Path(staging, relative);
                Path old = new Path(trash, relative);
                boolean isPublish = line.startsWith(PUBLISH);
                if (line.startsWith(EXTEND)) {
                    // files already moved before a crash are no longer staged
                    if (fileSystem.exists(staged)) {
                        fileSystem.mkdirs(target);
                        for (FileStatus file : fileSystem.listStatus(staged)) {
                            rename(file.getPath(), new Path(target, file.getPath().getName()));
                        }
                    }
                    continue;
                }
                if (isPublish && !fileSystem.exists(staged)) {
                    continue; // published before a crash
                }
                if (fileSystem.exists(target)) {
                    fileSystem.mkdirs(old.getParent());
                    fileSystem.delete(old, true);
                    rename(target, old);
                }
                if (isPublish) {
                    fileSystem.mkdirs(target.getParent());
                    rename(staged, target);
                }
            }
            fileSystem.delete(trash, true);
            fileSystem.delete(staging, true);
            Path trashRoot = new Path(root, TRASH);
            if (fileSystem.exists(trashRoot) && fileSystem.listStatus(trashRoot).length == 0) {
                fileSystem.delete(trashRoot, true);
            }
            Path stagingRoot = new Path(root, STAGING);
            if (fileSystem.exists(stagingRoot) && fileSystem.listStatus(stagingRoot).length == 0) {
                fileSystem.delete(stagingRoot, true);
            }
        }
        catch (IOException e) {
            throw storage("publish run " + runId, e);
        }
    }

    private void rename(Path from, Path to)
            throws IOException
    {
        if (!fileSystem.rename(from, to)) {
            throw new IOException("rename of " + from + " to " + to + " failed");
        }
    }

    private static UsageReportException storage(String action, IOException e)
    {
        return new UsageReportException(ErrorCode.STORAGE, "Cannot " + action + ": " + StorageFailures.reason(e), e);
    }
}
