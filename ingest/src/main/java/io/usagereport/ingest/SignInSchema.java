package io.usagereport.ingest;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The lake's {@code signins} table, defined once: the contract between the stages. Spark code uses these names,
 * never string literals of its own.
 *
 * <p>Layout: {@code LAKE/signins/tenant_id=<id>/month=<YYYY-MM>/*.parquet}, one row per sign-in, timestamps as
 * Parquet {@code TIMESTAMP_MICROS} adjusted to UTC.
 */
public final class SignInSchema
{
    public static final String TENANT_ID = "tenant_id";
    public static final String MONTH = "month";
    public static final String SIGN_IN_ID = "sign_in_id";
    public static final String CREATED_AT = "created_at";
    public static final String USER_PRINCIPAL_NAME = "user_principal_name";
    public static final String USER_ID = "user_id";
    public static final String USER_DISPLAY_NAME = "user_display_name";
    public static final String CLIENT_APP = "client_app";
    public static final String PROTOCOL = "protocol";
    public static final String BASIC_AUTH = "basic_auth";
    public static final String APP_DISPLAY_NAME = "app_display_name";
    public static final String IP_ADDRESS = "ip_address";
    public static final String LOCATION = "location";
    public static final String USER_AGENT = "user_agent";
    public static final String SUCCEEDED = "succeeded";
    public static final String ERROR_CODE = "error_code";
    public static final String FAILURE_REASON = "failure_reason";
    public static final String SOURCE_FILE = "source_file";
    public static final String SOURCE_LINE = "source_line";

    /** The data columns, in file order (the partition columns are not stored in the files). */
    public static final StructType DATA_COLUMNS = new StructType(new StructField[] {
            DataTypes.createStructField(SIGN_IN_ID, DataTypes.StringType, false),
            DataTypes.createStructField(CREATED_AT, DataTypes.TimestampType, false),
            DataTypes.createStructField(USER_PRINCIPAL_NAME, DataTypes.StringType, false),
            DataTypes.createStructField(USER_ID, DataTypes.StringType, true),
            DataTypes.createStructField(USER_DISPLAY_NAME, DataTypes.StringType, true),
            DataTypes.createStructField(CLIENT_APP, DataTypes.StringType, true),
            DataTypes.createStructField(PROTOCOL, DataTypes.StringType, false),
            DataTypes.createStructField(BASIC_AUTH, DataTypes.BooleanType, false),
            DataTypes.createStructField(APP_DISPLAY_NAME, DataTypes.StringType, true),
            DataTypes.createStructField(IP_ADDRESS, DataTypes.StringType, true),
            DataTypes.createStructField(LOCATION, DataTypes.StringType, true),
            DataTypes.createStructField(USER_AGENT, DataTypes.StringType, true),
            DataTypes.createStructField(SUCCEEDED, DataTypes.BooleanType, false),
            DataTypes.createStructField(ERROR_CODE, DataTypes.IntegerType, false),
            DataTypes.createStructField(FAILURE_REASON, DataTypes.StringType, true),
            DataTypes.createStructField(SOURCE_FILE, DataTypes.StringType, false),
            DataTypes.createStructField(SOURCE_LINE, DataTypes.LongType, false),
    });

    /** The table as Spark reads it back: the data columns, then the partition columns. */
    public static final StructType TABLE = DATA_COLUMNS
            .add(DataTypes.createStructField(TENANT_ID, DataTypes.StringType, false))
            .add(DataTypes.createStructField(MONTH, DataTypes.StringType, false));

    /** A partition's folder under the table, {@code tenant_id=…/month=…}. */
    static String partition(String tenantId, String month)
    {
        return TENANT_ID + "=" + tenantId + "/" + MONTH + "=" + month;
    }

    private SignInSchema() {}
}
