package io.usagereport.analytics;

import io.usagereport.ingest.SignInSchema;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.List;

/**
 * The marts' names, column names and types, defined once: the contract between {@code analyze}, the reports and
 * analysts' queries. Spark code uses these names, never string literals of its own.
 *
 * <p>Every mart lives in {@code LAKE/marts/<name>/month=<YYYY-MM>/*.parquet}; counts are {@code bigint}, times are
 * {@code timestamp} (UTC instants, Parquet {@code TIMESTAMP_MICROS}), user principal names are lower-case. Columns
 * are nullable in the files (Spark writes every Parquet column as optional); which ones can really be null is said
 * below.
 */
public final class MartSchemas
{
    public static final String TENANT_ID = SignInSchema.TENANT_ID;
    public static final String MONTH = SignInSchema.MONTH;
    public static final String PROTOCOL = SignInSchema.PROTOCOL;
    public static final String USER_PRINCIPAL_NAME = SignInSchema.USER_PRINCIPAL_NAME;
    public static final String USER_DISPLAY_NAME = SignInSchema.USER_DISPLAY_NAME;
    public static final String REQUESTS = "requests";
    public static final String SUCCESSFUL_REQUESTS = "successful_requests";
    public static final String FAILED_REQUESTS = "failed_requests";
    public static final String USERS = "users";
    public static final String USERS_ATTEMPTING = "users_attempting";
    public static final String FIRST_SEEN = "first_seen";
    public static final String LAST_SEEN = "last_seen";
    public static final String DISTINCT_IPS = "distinct_ips";
    public static final String TOP_USER_AGENT = "top_user_agent";
    public static final String SIGN_INS = "sign_ins";
    public static final String BASIC_AUTH_REQUESTS = "basic_auth_requests";
    public static final String BASIC_AUTH_USERS = "basic_auth_users";
    public static final String PROTOCOLS_IN_USE = "protocols_in_use";
    public static final String REPORT_LINE = "report_line";
    public static final String LINE_NUMBER = "line_number";
    public static final String PROTOCOLS = "protocols";
    public static final String USERS_PREVIOUS_MONTH = "users_previous_month";
    public static final String NEW_USERS = "new_users";
    public static final String STOPPED_USERS = "stopped_users";
    public static final String REQUESTS_PREVIOUS_MONTH = "requests_previous_month";

    /**
     * Basic-auth sign-ins per tenant and protocol. {@code users}: distinct users with at least one successful sign-in
     * on the protocol in the month (the measure of Microsoft's own usage report); {@code users_attempting}: distinct
     * users with any attempt. {@code SMTP_AUTH} is a protocol of its own. Only protocols with at least one request.
     */
    public static final MartSchema BASIC_AUTH_BY_PROTOCOL = new MartSchema("basic_auth_by_protocol", columns(
            field(TENANT_ID, DataTypes.StringType),
            field(PROTOCOL, DataTypes.StringType),
            field(REQUESTS, DataTypes.LongType),
            field(SUCCESSFUL_REQUESTS, DataTypes.LongType),
            field(FAILED_REQUESTS, DataTypes.LongType),
            field(USERS, DataTypes.LongType),
            field(USERS_ATTEMPTING, DataTypes.LongType),
            field(FIRST_SEEN, DataTypes.TimestampType),
            field(LAST_SEEN, DataTypes.TimestampType)), List.of(TENANT_ID, PROTOCOL));

    /**
     * Basic-auth sign-ins per tenant, user and protocol: one row for every protocol a user touched.
     * {@code top_user_agent}: the most frequent user agent, ties to the alphabetically first, null when no sign-in
     * had one. {@code user_display_name}: the most frequent display name, same rules. A month written with
     * {@link BasicAuthMarts#pseudonymizeUsers} holds {@link UserPseudonyms} in {@code user_principal_name} and null
     * display names.
     */
    public static final MartSchema BASIC_AUTH_BY_USER = new MartSchema("basic_auth_by_user", columns(
            field(TENANT_ID, DataTypes.StringType),
            field(USER_PRINCIPAL_NAME, DataTypes.StringType),
            field(PROTOCOL, DataTypes.StringType),
            field(REQUESTS, DataTypes.LongType),
            field(SUCCESSFUL_REQUESTS, DataTypes.LongType),
            field(FAILED_REQUESTS, DataTypes.LongType),
            field(FIRST_SEEN, DataTypes.TimestampType),
            field(LAST_SEEN, DataTypes.TimestampType),
            field(DISTINCT_IPS, DataTypes.LongType),
            field(TOP_USER_AGENT, DataTypes.StringType),
            field(USER_DISPLAY_NAME, DataTypes.StringType)), List.of(TENANT_ID, USER_PRINCIPAL_NAME, PROTOCOL));

    /**
     * One row per tenant with any sign-in in the month. {@code sign_ins}: all sign-ins, modern included;
     * {@code basic_auth_users}: distinct users with a successful Basic-auth sign-in; {@code protocols_in_use}: the
     * Basic-auth protocols with at least one request (attempts count), sorted, empty when none.
     */
    public static final MartSchema TENANT_SUMMARY = new MartSchema("tenant_summary", columns(
            field(TENANT_ID, DataTypes.StringType),
            field(SIGN_INS, DataTypes.LongType),
            field(BASIC_AUTH_REQUESTS, DataTypes.LongType),
            field(BASIC_AUTH_USERS, DataTypes.LongType),
            field(PROTOCOLS_IN_USE, DataTypes.createArrayType(DataTypes.StringType, true))), List.of(TENANT_ID));

    /**
     * The six lines of Microsoft's monthly Basic-auth usage report ({@link ReportLine}) for every tenant with any
     * sign-in in the month, all six always present: {@code users} = distinct users who authenticated successfully
     * on any of the line's {@code protocols}, 0 when none. {@code report_line} is the {@link ReportLine} name,
     * {@code line_number} its position (1–6).
     */
    public static final MartSchema BASIC_AUTH_REPORT_LINES = new MartSchema("basic_auth_report_lines", columns(
            field(TENANT_ID, DataTypes.StringType),
            field(LINE_NUMBER, DataTypes.IntegerType),
            field(REPORT_LINE, DataTypes.StringType),
            field(PROTOCOLS, DataTypes.createArrayType(DataTypes.StringType, true)),
            field(USERS, DataTypes.LongType)), List.of(TENANT_ID, LINE_NUMBER));

    /**
     * Month over month per tenant and Basic-auth protocol, for tenants with any sign-in in the month and protocols
     * with a request in this or the previous month. Users are distinct users with a successful sign-in on the
     * protocol: {@code new_users} succeeded this month but not the previous one, {@code stopped_users} the reverse.
     * Requests count every attempt.
     */
    public static final MartSchema BASIC_AUTH_TREND = new MartSchema("basic_auth_trend", columns(
            field(TENANT_ID, DataTypes.StringType),
            field(PROTOCOL, DataTypes.StringType),
            field(USERS, DataTypes.LongType),
            field(USERS_PREVIOUS_MONTH, DataTypes.LongType),
            field(NEW_USERS, DataTypes.LongType),
            field(STOPPED_USERS, DataTypes.LongType),
            field(REQUESTS, DataTypes.LongType),
            field(REQUESTS_PREVIOUS_MONTH, DataTypes.LongType)), List.of(TENANT_ID, PROTOCOL));

    /** Every mart, in the order {@code analyze} writes them. */
    public static final List<MartSchema> ALL = List.of(
            BASIC_AUTH_BY_PROTOCOL,
            BASIC_AUTH_BY_USER,
            TENANT_SUMMARY,
            BASIC_AUTH_REPORT_LINES,
            BASIC_AUTH_TREND);

    private MartSchemas() {}

    private static StructType columns(StructField... fields)
    {
        return new StructType(fields);
    }

    private static StructField field(String name, DataType type)
    {
        return DataTypes.createStructField(name, type, true);
    }
}
