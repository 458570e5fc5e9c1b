package io.usagereport.bench;

import io.usagereport.ingest.SignInSchema;
import io.usagereport.ingest.SparkSessions;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a lake's {@code signins} table of N synthetic sign-ins for one month straight from Spark, to time
 * {@code analyze} on month sizes that would take hours to generate and ingest as exports:
 * {@code SyntheticLake LAKE YYYY-MM ROWS TENANTS}. Deterministic: row {@code i} is a function of {@code i}. About 8% of
 * the rows are Basic auth, spread over the legacy protocols; users are {@code 2,000} per tenant; one sign-in in
 * seven fails.
 */
public final class SyntheticLake
{
    private SyntheticLake() {}

    public static void main(String[] args)
    {
        String lake = args[0];
        YearMonth month = YearMonth.parse(args[1]);
        long rows = Long.parseLong(args[2]);
        int tenants = Integer.parseInt(args[3]);
        SparkSession spark = SparkSessions.builder("synthetic lake", "local[*]", Map.of()).getOrCreate();
        long seconds = month.lengthOfMonth() * 86_400L;
        String protocol = "CASE WHEN pmod(hash(id, 7), 100) >= 8 THEN 'MODERN' ELSE element_at(array("
                + "'EAS','EAS','IMAP','POP','SMTP_AUTH','MAPI','EWS','RPC','OAB','REMOTE_POWERSHELL','AUTODISCOVER','OTHER_LEGACY'), "
                + "CAST(pmod(hash(id, 11), 12) + 1 AS INT)) END";
        spark.range(rows)
                .selectExpr(
                        "id",
                        String.format(Locale.ROOT, "concat('00000000-0000-4000-8000-', lpad(hex(pmod(id, %d)), 12, '0')) AS %s", tenants, SignInSchema.TENANT_ID),
                        protocol + " AS " + SignInSchema.PROTOCOL)
                .selectExpr(
                        "concat('synthetic-', id) AS " + SignInSchema.SIGN_IN_ID,
                        String.format(Locale.ROOT, "timestamp_seconds(%d + pmod(hash(id, 3), %d)) AS %s",
                                month.atDay(1).toEpochSecond(java.time.LocalTime.MIDNIGHT, java.time.ZoneOffset.UTC), seconds, SignInSchema.CREATED_AT),
                        "concat('user', pmod(hash(id, 5), 2000), '@tenant', " + SignInSchema.TENANT_ID + ", '.example') AS " + SignInSchema.USER_PRINCIPAL_NAME,
                        "CAST(NULL AS STRING) AS " + SignInSchema.USER_ID,
                        "CAST(NULL AS STRING) AS " + SignInSchema.USER_DISPLAY_NAME,
                        SignInSchema.PROTOCOL + " AS " + SignInSchema.CLIENT_APP,
                        SignInSchema.PROTOCOL,
                        SignInSchema.PROTOCOL + " <> 'MODERN' AS " + SignInSchema.BASIC_AUTH,
                        "'Office 365 Exchange Online' AS " + SignInSchema.APP_DISPLAY_NAME,
                        "concat('203.0.113.', pmod(id, 250)) AS " + SignInSchema.IP_ADDRESS,
                        "'Tokyo, Tokyo, JP' AS " + SignInSchema.LOCATION,
                        "CASE WHEN pmod(id, 3) = 0 THEN 'BAV2ROPC' ELSE 'Apple-iPhone14C5/1904.555' END AS " + SignInSchema.USER_AGENT,
                        "pmod(hash(id, 13), 7) <> 0 AS " + SignInSchema.SUCCEEDED,
                        "CASE WHEN pmod(hash(id, 13), 7) <> 0 THEN 0 ELSE 50126 END AS " + SignInSchema.ERROR_CODE,
                        "CAST(NULL AS STRING) AS " + SignInSchema.FAILURE_REASON,
                        "'synthetic' AS " + SignInSchema.SOURCE_FILE,
                        "id AS " + SignInSchema.SOURCE_LINE,
                        SignInSchema.TENANT_ID,
                        "'" + month + "' AS " + SignInSchema.MONTH)
                .repartition(org.apache.spark.sql.functions.col(SignInSchema.TENANT_ID))
                .write()
                .mode(SaveMode.Overwrite)
                .partitionBy(SignInSchema.TENANT_ID, SignInSchema.MONTH)
                .parquet(lake + "/signins");
        spark.stop();
    }
}
