package io.usagereport.ingest;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;

/**
 * The staging table the parse step writes: every record of every file, as a sign-in or a reject, so the later steps
 * read the files' content once more from Parquet instead of parsing again. What each file was (format, counts) goes
 * back to the driver as a {@link FileSummary} instead.
 */
final class ParsedSchema
{
    static final String KIND = "kind";
    static final String SOURCE_KEY = ManifestSchema.SOURCE_KEY;
    static final String RECORD_NUMBER = ManifestSchema.RECORD_NUMBER;
    static final String FIELD = ManifestSchema.FIELD;
    static final String REASON = ManifestSchema.REASON;
    static final String RAW_TEXT = ManifestSchema.RAW_TEXT;
    static final String FILE_BYTES = ManifestSchema.FILE_BYTES;

    /** A sign-in. */
    static final int KIND_SIGN_IN = 0;
    /** A record that could not become a sign-in, or a file that could not be read (record number 0). */
    static final int KIND_REJECT = 1;

    static final StructType SCHEMA;

    static {
        List<StructField> fields = new ArrayList<>();
        fields.add(DataTypes.createStructField(KIND, DataTypes.IntegerType, false));
        fields.add(DataTypes.createStructField(SignInSchema.TENANT_ID, DataTypes.StringType, false));
        fields.add(DataTypes.createStructField(SignInSchema.MONTH, DataTypes.StringType, true));
        fields.add(DataTypes.createStructField(SOURCE_KEY, DataTypes.StringType, false));
        for (StructField field : SignInSchema.DATA_COLUMNS.fields()) {
            // every column is empty on reject rows
            fields.add(DataTypes.createStructField(field.name(), field.dataType(), true));
        }
        fields.add(DataTypes.createStructField(RECORD_NUMBER, DataTypes.LongType, true));
        fields.add(DataTypes.createStructField(FIELD, DataTypes.StringType, true));
        fields.add(DataTypes.createStructField(REASON, DataTypes.StringType, true));
        fields.add(DataTypes.createStructField(RAW_TEXT, DataTypes.StringType, true));
        SCHEMA = new StructType(fields.toArray(new StructField[0]));
    }

    static final StructType INPUT_FILES = new StructType(new StructField[] {
            DataTypes.createStructField("path", DataTypes.StringType, false),
            DataTypes.createStructField(SignInSchema.TENANT_ID, DataTypes.StringType, false),
            DataTypes.createStructField(SignInSchema.SOURCE_FILE, DataTypes.StringType, false),
            DataTypes.createStructField(FILE_BYTES, DataTypes.LongType, false),
    });

    private ParsedSchema() {}
}
