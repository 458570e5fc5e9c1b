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

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.lower;

/**
 * The tools a user would pick instead of usage-report, doing the same work on the same files, one per process so
 * that {@code bench/run} can time each and read its peak memory:
 *
 * <ul>
 * <li>{@code spark-csv INPUT_GLOB OUT}: Spark's built-in CSV reader with an explicit schema, the portal CSV's
 *     columns that the lake keeps written to Parquet partitioned by month (no deduplication, no rejects);</li>
 * <li>{@code duckdb-csv INPUT_GLOB OUT}: DuckDB's {@code read_csv} and {@code COPY … TO … (FORMAT parquet)}, same columns;</li>
 * <li>{@code duckdb-aggregate LAKE MONTH}: DuckDB computing {@code basic_auth_by_protocol} over the lake's sign-ins,
 *     printing its rows as {@code tenant|protocol|requests|successful|failed|users|users_attempting}.</li>
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

    private Peers() {}

    public static void main(String[] args)
            throws SQLException
    {
        switch (args[0]) {
            case "spark-csv" -> sparkCsv(args[1], args[2]);
            case "duckdb-csv" -> duckDbCsv(args[1], args[2]);
            case "duckdb-aggregate" -> duckDbAggregate(args[1], args[2]);
            default -> throw new IllegalArgumentException("Invalid peer: '" + args[0] + "'; expected spark-csv, duckdb-csv or duckdb-aggregate");
        }
    }

    private static void sparkCsv(String input, String output)
    {
        StructType schema = new StructType();
        for (String name : PORTAL_COLUMNS) {
            schema = schema.add(name, name.equals("Date (UTC)") ? DataTypes.TimestampType : DataTypes.StringType);
        }
        SparkSession spark = SparkSessions.builder("spark-csv peer", "local[*]", Map.of()).getOrCreate();
        Dataset<Row> rows = spark.read()
                .schema(schema)
                .option("header", "true")
                .option("timestampFormat", "yyyy-MM-dd'T'HH:mm:ssX")
                .csv(input);
        rows.select(
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
                        col("`Sign-in error code`").cast("int").as(SignInSchema.ERROR_CODE),
                        col("`Failure reason`").as(SignInSchema.FAILURE_REASON),
                        date_format(col("`Date (UTC)`"), "yyyy-MM").as(SignInSchema.MONTH))
                .write()
                .mode(SaveMode.Overwrite)
                .partitionBy(SignInSchema.MONTH)
                .parquet(output);
        spark.stop();
    }

    private static void duckDbCsv(String input, String output)
            throws SQLException
    {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute(String.format(Locale.ROOT, """
                    COPY (
                      SELECT "Request ID" AS sign_in_id,
                             CAST("Date (UTC)" AS TIMESTAMPTZ) AS created_at,
                             lower("Username") AS user_principal_name,
                             "User ID" AS user_id,
                             "User" AS user_display_name,
                             "Client app" AS client_app,
                             "Application" AS app_display_name,
                             "IP address" AS ip_address,
                             "Location" AS location,
                             "User agent" AS user_agent,
                             TRY_CAST("Sign-in error code" AS INTEGER) AS error_code,
                             "Failure reason" AS failure_reason,
                             strftime(CAST("Date (UTC)" AS TIMESTAMPTZ), '%%Y-%%m') AS month
                      FROM read_csv('%s', header = true, all_varchar = true))
                    TO '%s' (FORMAT parquet, PARTITION_BY (month), OVERWRITE_OR_IGNORE)""", input, output));
        }
    }

    private static void duckDbAggregate(String lake, String month)
            throws SQLException
    {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(String.format(Locale.ROOT, """
                        SELECT tenant_id, protocol, count(*), count(*) FILTER (WHERE succeeded), count(*) FILTER (WHERE NOT succeeded),
                               count(DISTINCT lower(user_principal_name)) FILTER (WHERE succeeded), count(DISTINCT lower(user_principal_name))
                        FROM read_parquet('%s/signins/*/month=%s/*.parquet', hive_partitioning = true)
                        WHERE basic_auth
                        GROUP BY tenant_id, protocol
                        ORDER BY tenant_id, protocol""", lake, month))) {
            while (result.next()) {
                rows.add(result.getString(1) + "|" + result.getString(2) + "|" + result.getLong(3) + "|" + result.getLong(4)
                        + "|" + result.getLong(5) + "|" + result.getLong(6) + "|" + result.getLong(7));
            }
        }
        rows.forEach(System.out::println);
    }
}
