package io.usagereport.bench;

import io.usagereport.ingest.SignInSchema;
import io.usagereport.ingest.SparkSessions;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.input_file_name;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.regexp_extract;

/**
 * The tools a user would pick instead of usage-report, doing the same work on the same files, one per process so
 * that {@code bench/run} can time each and read its peak memory:
 *
 * <ul>
 * <li>{@code spark-csv INPUT_GLOB OUT}: Spark's built-in CSV reader with an explicit schema, the portal CSV's
 *     columns that the lake keeps written to Parquet (zstd) partitioned by tenant (the file's folder) and month; rows
 *     whose date cannot be read are dropped (no deduplication, no rejects table, no manifests);</li>
 * <li>{@code duckdb-csv INPUT_GLOB OUT}: DuckDB's {@code read_csv} and {@code COPY … TO … (FORMAT parquet)}, same
 *     columns, partitions and compression;</li>
 * <li>{@code spark-csv-dedup INPUT_GLOB OUT} and {@code duckdb-csv-dedup INPUT_GLOB OUT}: the same, keeping one row per
 *     tenant and sign-in id as a user of either tool would write it ({@code dropDuplicates}, {@code DISTINCT ON}): the
 *     copy kept is whichever the tool meets first, not a chosen one;</li>
 * <li>{@code duckdb-aggregate LAKE MONTH}: DuckDB computing {@code basic_auth_by_protocol} over the lake's sign-ins,
 *     printing its rows as {@code tenant|protocol|requests|successful|failed|users|users_attempting};</li>
 * <li>{@code duckdb-mart LAKE MONTH}: the lake's own {@code basic_auth_by_protocol} mart read by DuckDB, printed the
 *     same way (to compare with {@code duckdb-aggregate});</li>
 * <li>{@code duckdb-rows TABLE MONTH}: the number of the month's rows in a table partitioned by tenant and month, such
 *     as the lake's {@code LAKE/signins} or a peer's output.</li>
 * </ul>
 */
public final class Peers
{
    /** The Entra admin center CSV header, current era (57 cells), as Spark sees it: by position. */
    private static final List<String> PORTAL_COLUMNS = List.of(
            "Date (UTC)", "Request ID", "User agent", "Correlation ID", "User ID", "User", "Username", "User type",
            "Cross tenant access type", "Incoming token type", "Authentication Protocol", "Unique token identifier",
            "Original transfer method", "Client credential type", "Token Protection - Sign In Session",
            "Token Protection - Sign In Session StatusCode", "Application", "Application ID ", "App owner tenant ID",
            "Resource", "Resource ID ", "Resource tenant ID", "Resource owner tenant ID", "Home tenant ID",
            "Home tenant name", "IP address", "Location", "Status", "Sign-in error code", "Failure reason", "Client app",
            "Device ID", "Browser", "Operating System", "Compliant", "Managed", "Join Type",
            "Multifactor authentication result", "Multifactor authentication auth method",
            "Multifactor authentication auth detail", "Authentication requirement", "Sign-in identifier", "Session ID",
            "IP address (seen by resource)", "Through Global Secure Access", "Global Secure Access IP address",
            "Autonomous system  number", "Flagged for review", "Token issuer type", "Incoming token type 2",
            "Token issuer name", "Latency", "Conditional Access", "Managed Identity type", "Associated Resource Id",
            "Federated Token Id", "Federated Token Issuer");

    /** The tenant id is the name of the folder a file is in, INPUT/<tenant-id>/<file>, as for usage-report's ingest. */
    private static final String TENANT_FOLDER = "([^/]+)/[^/]+$";

    private Peers() {}

    public static void main(String[] args)
            throws SQLException
    {
        switch (args[0]) {
            case "spark-csv" -> sparkCsv(args[1], args[2], false);
            case "spark-csv-dedup" -> sparkCsv(args[1], args[2], true);
            case "duckdb-csv" -> duckDbCsv(args[1], args[2], false);
            case "duckdb-csv-dedup" -> duckDbCsv(args[1], args[2], true);
            case "duckdb-aggregate" -> duckDbAggregate(args[1], args[2]);
            case "duckdb-mart" -> duckDbMart(args[1], args[2]);
            case "duckdb-rows" -> duckDbRows(args[1], args[2]);
            default -> throw new IllegalArgumentException("Invalid peer: '" + args[0]
                    + "'; expected spark-csv, spark-csv-dedup, duckdb-csv, duckdb-csv-dedup, duckdb-aggregate, duckdb-mart"
                    + " or duckdb-rows");
        }
    }

    private static void sparkCsv(String input, String output, boolean deduplicate)
    {
        StructType schema = new StructType();
        for (String name : PORTAL_COLUMNS) {
            schema = schema.add(name, name.equals("Date (UTC)") ? DataTypes.TimestampType : DataTypes.StringType);
        }
        // a date the parser cannot read (such as the 31st of September) becomes null, as Spark 3 and later do
        SparkSession spark = SparkSessions.builder("spark-csv peer", SparkSessions.LOCAL_MASTER,
                Map.of("spark.sql.legacy.timeParserPolicy", "CORRECTED")).getOrCreate();
        // the header line (byte order mark included) is dropped: with an explicit schema the columns go by position
        Dataset<Row> rows = spark.read()
                .schema(schema)
                .option("header", "true")
                .option("encoding", "UTF-8")
                .option("quote", "\"")
                .option("escape", "\"")
                .option("mode", "PERMISSIVE")
                .option("timestampFormat", "yyyy-MM-dd'T'HH:mm:ssX")
                .csv(input);
        Dataset<Row> signIns = rows.where(col("`Date (UTC)`").isNotNull())
                .select(
                        col("`Request ID`").as(SignInSchema.SIGN_IN_ID),
                        col("`Date (UTC)`").as(SignInSchema.CREATED_AT),
                        lower(col("Username")).as(SignInSchema.USER_PRINCIPAL_NAME),
                        col("`User ID`").as(SignInSchema.USER_ID),
                        col("User").as(SignInSchema.USER_DISPLAY_NAME),
                        col("`Client app`").as(SignInSchema.CLIENT_APP),
                        col("Application").as(SignInSchema.APP_DISPLAY_NAME),
                        col("`IP address`").as(SignInSchema.IP_ADDRESS),
                        col("Location").as(SignInSchema.LOCATION),
                        col("`User agent`").as(SignInSchema.USER_AGENT),
                        coalesce(col("`Sign-in error code`").cast("int"), lit(0)).equalTo(0).as(SignInSchema.SUCCEEDED),
                        coalesce(col("`Sign-in error code`").cast("int"), lit(0)).as(SignInSchema.ERROR_CODE),
                        col("`Failure reason`").as(SignInSchema.FAILURE_REASON),
                        regexp_extract(input_file_name(), TENANT_FOLDER, 1).as(SignInSchema.TENANT_ID),
                        date_format(col("`Date (UTC)`"), "yyyy-MM").as(SignInSchema.MONTH));
        if (deduplicate) {
            signIns = signIns.dropDuplicates(SignInSchema.TENANT_ID, SignInSchema.SIGN_IN_ID);
        }
        signIns.write()
                .mode(SaveMode.Overwrite)
                .partitionBy(SignInSchema.TENANT_ID, SignInSchema.MONTH)
                .parquet(output);
        spark.stop();
    }

    private static void duckDbCsv(String input, String output, boolean deduplicate)
            throws SQLException
    {
        // every column read as text, then converted with TRY_CAST: a date that does not exist becomes null and the
        // row is dropped, instead of failing the whole COPY; the duplicated "Incoming token type" header is renamed
        // by DuckDB and not used; the byte order mark is skipped by read_csv
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute("SET TimeZone = 'UTC'");
            statement.execute(String.format(Locale.ROOT, """
                    COPY (
                      SELECT %s "Request ID" AS sign_in_id,
                             created AS created_at,
                             lower("Username") AS user_principal_name,
                             "User ID" AS user_id,
                             "User" AS user_display_name,
                             "Client app" AS client_app,
                             "Application" AS app_display_name,
                             "IP address" AS ip_address,
                             "Location" AS location,
                             "User agent" AS user_agent,
                             coalesce(TRY_CAST("Sign-in error code" AS INTEGER), 0) = 0 AS succeeded,
                             coalesce(TRY_CAST("Sign-in error code" AS INTEGER), 0) AS error_code,
                             "Failure reason" AS failure_reason,
                             regexp_extract(filename, '%s', 1) AS tenant_id,
                             strftime(created, '%%Y-%%m') AS month
                      FROM (SELECT *, TRY_CAST("Date (UTC)" AS TIMESTAMPTZ) AS created
                            FROM read_csv('%s', header = true, all_varchar = true, delim = ',', quote = '"', escape = '"',
                                          filename = true))
                      WHERE created IS NOT NULL)
                    TO '%s' (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (tenant_id, month), OVERWRITE_OR_IGNORE)""",
                    deduplicate ? "DISTINCT ON (tenant_id, sign_in_id)" : "", TENANT_FOLDER, input, output));
        }
    }

    private static void duckDbAggregate(String lake, String month)
            throws SQLException
    {
        print(String.format(Locale.ROOT, """
                SELECT tenant_id, protocol, count(*), count(*) FILTER (WHERE succeeded), count(*) FILTER (WHERE NOT succeeded),
                       count(DISTINCT lower(user_principal_name)) FILTER (WHERE succeeded), count(DISTINCT lower(user_principal_name))
                FROM read_parquet('%s/signins/*/month=%s/*.parquet', hive_partitioning = true)
                WHERE basic_auth
                GROUP BY tenant_id, protocol
                ORDER BY tenant_id, protocol""", lake, month), 7);
    }

    private static void duckDbMart(String lake, String month)
            throws SQLException
    {
        print(String.format(Locale.ROOT, """
                SELECT tenant_id, protocol, requests, successful_requests, failed_requests, users, users_attempting
                FROM read_parquet('%s/marts/basic_auth_by_protocol/month=%s/**/*.parquet', hive_partitioning = true)
                ORDER BY tenant_id, protocol""", lake, month), 7);
    }

    private static void duckDbRows(String table, String month)
            throws SQLException
    {
        print(String.format(Locale.ROOT, """
                SELECT count(*) FROM read_parquet('%s/*/month=%s/*.parquet', hive_partitioning = true)""",
                table, month), 1);
    }

    /** Runs one query and prints its rows, the columns separated by {@code |}. */
    private static void print(String query, int columns)
            throws SQLException
    {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(query)) {
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int column = 1; column <= columns; column++) {
                    if (column > 1) {
                        row.append('|');
                    }
                    row.append(result.getString(column));
                }
                rows.add(row.toString());
            }
        }
        rows.forEach(System.out::println);
    }
}
