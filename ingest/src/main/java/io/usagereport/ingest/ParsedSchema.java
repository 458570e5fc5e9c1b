package io.usagereport.ingest;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * What the parse step is given: the input files, and the names of the columns it writes besides the sign-ins.
 */
final class ParsedSchema
{
    static final String SOURCE_KEY = ManifestSchema.SOURCE_KEY;
    static final String RECORD_NUMBER = ManifestSchema.RECORD_NUMBER;
    static final String FIELD = ManifestSchema.FIELD;
    static final String REASON = ManifestSchema.REASON;
    static final String RAW_TEXT = ManifestSchema.RAW_TEXT;
    static final String FILE_BYTES = ManifestSchema.FILE_BYTES;

    static final StructType INPUT_FILES = new StructType(new StructField[] {
            DataTypes.createStructField("path", DataTypes.StringType, false),
            DataTypes.createStructField(SignInSchema.TENANT_ID, DataTypes.StringType, false),
            DataTypes.createStructField(SignInSchema.SOURCE_FILE, DataTypes.StringType, false),
            DataTypes.createStructField(FILE_BYTES, DataTypes.LongType, false),
    });

    private ParsedSchema() {}
}
