package io.usagereport.ingest;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.HadoopReadOptions;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.MessageType;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static java.util.Objects.requireNonNull;

/**
 * The sign-in ids of one partition of the lake's {@code signins} table ({@code tenant_id=…/month=…}), read from the
 * {@code sign_in_id} column of its Parquet files alone, without Spark: a parse task reads them to leave out the
 * sign-ins the lake has already.
 *
 * <pre>{@code
 * LakeSignInIds ids = LakeSignInIds.open(configuration, new Path(lake.signins(), partition));
 * if (ids.rows() <= budget) {
 *     ids.forEach(seen::add);
 * }
 * }</pre>
 */
final class LakeSignInIds
{
    private final Configuration configuration;
    private final ParquetReadOptions options;
    private final List<Path> files;
    private final long rows;

    private LakeSignInIds(Configuration configuration, ParquetReadOptions options, List<Path> files, long rows)
    {
        this.configuration = configuration;
        this.options = options;
        this.files = files;
        this.rows = rows;
    }

    /**
     * Lists a partition's data files (those Spark reads: not named {@code _…} or {@code .…}) and reads their footers. A
     * partition that does not exist has no ids.
     *
     * @throws NotRead if the folder or a footer cannot be read
     */
    static LakeSignInIds open(Configuration configuration, Path partition)
    {
        requireNonNull(configuration, "configuration is null");
        requireNonNull(partition, "partition is null");
        try {
            FileSystem fileSystem = partition.getFileSystem(configuration);
            // from the given settings: Parquet's default options would load Hadoop's default configuration files each time
            ParquetReadOptions options = HadoopReadOptions.builder(configuration).build();
            List<Path> files = new ArrayList<>();
            long rows = 0;
            if (fileSystem.exists(partition)) {
                for (FileStatus status : fileSystem.listStatus(partition)) {
                    String name = status.getPath().getName();
                    if (status.isFile() && !name.startsWith("_") && !name.startsWith(".")) {
                        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromStatus(status, configuration), options)) {
                            rows += reader.getRecordCount();
                        }
                        files.add(status.getPath());
                    }
                }
            }
            files.sort(null);
            return new LakeSignInIds(configuration, options, List.copyOf(files), rows);
        }
        catch (IOException | RuntimeException e) {
            throw new NotRead("Cannot read the lake's sign-ins in " + partition + ": " + StorageFailures.reason(e), e);
        }
    }

    /** The partition's rows, from its files' footers. */
    long rows()
    {
        return rows;
    }

    /**
     * Gives every sign-in id of the partition, file by file; a row without one gives nothing.
     *
     * @throws NotRead if a file cannot be read
     */
    void forEach(Consumer<String> ids)
    {
        for (Path file : files) {
            try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(file, configuration), options)) {
                MessageType schema = reader.getFooter().getFileMetaData().getSchema();
                MessageType projection = new MessageType(schema.getName(), schema.getType(SignInSchema.SIGN_IN_ID));
                ColumnDescriptor column = projection.getColumns().get(0);
                String createdBy = reader.getFooter().getFileMetaData().getCreatedBy();
                reader.setRequestedSchema(projection);
                PageReadStore rowGroup;
                while ((rowGroup = reader.readNextRowGroup()) != null) {
                    ColumnReader values = new ColumnReadStoreImpl(rowGroup, new GroupRecordConverter(projection).getRootConverter(), projection, createdBy)
                            .getColumnReader(column);
                    for (long value = values.getTotalValueCount(); value > 0; value--) {
                        if (values.getCurrentDefinitionLevel() == column.getMaxDefinitionLevel()) {
                            ids.accept(values.getBinary().toStringUsingUTF8());
                        }
                        values.consume();
                    }
                }
            }
            catch (IOException | RuntimeException e) {
                throw new NotRead("Cannot read the sign-in ids in the lake's file " + file + ": " + StorageFailures.reason(e), e);
            }
        }
    }

    /** The lake could not be read: the task must fail rather than keep sign-ins the lake has. */
    static final class NotRead
            extends RuntimeException
    {
        private static final long serialVersionUID = 1L;

        NotRead(String message, Throwable cause)
        {
            super(message, cause);
        }
    }
}
