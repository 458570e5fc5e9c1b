package io.usagereport.ingest;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The lake's {@code _manifests} and {@code rejects} tables: what each ingested file gave, so that for every file
 * {@code rows_read = rows_written + duplicates + rejected}.
 *
 * <p>{@code _manifests/tenant_id=<id>/source_key=<key>/}: one row per file and month of its sign-ins, plus one row
 * with an empty month for its rejects (rejected records have no trustworthy time). {@code source_key} is a short
 * hash of the tenant and the file name, so re-ingesting a file replaces its manifest and rejects.
 *
 * <p>{@code rejects/tenant_id=<id>/source_key=<key>/}: one row per rejected record, with the file, line, the
 * field at fault, the reason (a message naming file, record, line and field) and the record's raw text.
 */
public final class ManifestSchema
{
    public static final String SOURCE_KEY = "source_key";
    public static final String FORMAT = "format";
    public static final String ENCODING = "encoding";
    public static final String FILE_BYTES = "file_bytes";
    public static final String ROWS_READ = "rows_read";
    public static final String ROWS_WRITTEN = "rows_written";
    public static final String DUPLICATES = "duplicates";
    public static final String REJECTED = "rejected";
    public static final String RUN_ID = "run_id";

    public static final String RECORD_NUMBER = "record_number";
    public static final String FIELD = "field";
    public static final String REASON = "reason";
    public static final String RAW_TEXT = "raw_text";

    /** The manifest rows as the job writes them, partition columns last. */
    public static final StructType MANIFEST = new StructType(new StructField[] {
            DataTypes.createStructField(SignInSchema.SOURCE_FILE, DataTypes.StringType, false),
            DataTypes.createStructField(FORMAT, DataTypes.StringType, false),
            DataTypes.createStructField(ENCODING, DataTypes.StringType, false),
            DataTypes.createStructField(FILE_BYTES, DataTypes.LongType, false),
            DataTypes.createStructField(SignInSchema.MONTH, DataTypes.StringType, true),
            DataTypes.createStructField(ROWS_READ, DataTypes.LongType, false),
            DataTypes.createStructField(ROWS_WRITTEN, DataTypes.LongType, false),
            DataTypes.createStructField(DUPLICATES, DataTypes.LongType, false),
            DataTypes.createStructField(REJECTED, DataTypes.LongType, false),
            DataTypes.createStructField(RUN_ID, DataTypes.StringType, false),
            DataTypes.createStructField(SignInSchema.TENANT_ID, DataTypes.StringType, false),
            DataTypes.createStructField(SOURCE_KEY, DataTypes.StringType, false),
    });

    /** The rejects table as Spark reads it back, partition columns last. */
    public static final StructType REJECTS = new StructType(new StructField[] {
            DataTypes.createStructField(SignInSchema.SOURCE_FILE, DataTypes.StringType, false),
            DataTypes.createStructField(SignInSchema.SOURCE_LINE, DataTypes.LongType, true),
            DataTypes.createStructField(RECORD_NUMBER, DataTypes.LongType, true),
            DataTypes.createStructField(FIELD, DataTypes.StringType, true),
            DataTypes.createStructField(REASON, DataTypes.StringType, true),
            DataTypes.createStructField(RAW_TEXT, DataTypes.StringType, true),
            DataTypes.createStructField(SignInSchema.TENANT_ID, DataTypes.StringType, false),
            DataTypes.createStructField(SOURCE_KEY, DataTypes.StringType, false),
    });

    private ManifestSchema() {}
}
