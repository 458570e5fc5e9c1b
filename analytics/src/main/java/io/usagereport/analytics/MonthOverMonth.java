package io.usagereport.analytics;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static io.usagereport.analytics.MartSchemas.NEW_USERS;
import static io.usagereport.analytics.MartSchemas.PROTOCOL;
import static io.usagereport.analytics.MartSchemas.REQUESTS;
import static io.usagereport.analytics.MartSchemas.REQUESTS_PREVIOUS_MONTH;
import static io.usagereport.analytics.MartSchemas.STOPPED_USERS;
import static io.usagereport.analytics.MartSchemas.TENANT_ID;
import static io.usagereport.analytics.MartSchemas.USERS;
import static io.usagereport.analytics.MartSchemas.USERS_PREVIOUS_MONTH;
import static io.usagereport.analytics.MartSchemas.USER_PRINCIPAL_NAME;
import static io.usagereport.ingest.SignInSchema.BASIC_AUTH;
import static io.usagereport.ingest.SignInSchema.SUCCEEDED;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/**
 * {@link MartSchemas#BASIC_AUTH_TREND}: a month against the one before, per tenant and Basic-auth protocol.
 *
 * <p>Only tenants with sign-ins this month get rows: a tenant whose exports for the month are missing has not
 * stopped using Basic auth, its data simply is not there yet.
 */
final class MonthOverMonth
{
    // per-user flags between the two aggregation levels; never written
    private static final String SUCCEEDED_THIS_MONTH = "succeeded_this_month";
    private static final String SUCCEEDED_PREVIOUS_MONTH = "succeeded_previous_month";
    private static final String REQUESTS_THIS_MONTH = "requests_this_month";
    private static final String REQUESTS_LAST_MONTH = "requests_last_month";

    private MonthOverMonth() {}

    /**
     * @param users this month's {@link UserUsage} rows
     * @param previousMonth the sign-ins of the month before, nothing else
     * @param tenants this month's {@link TenantSummary} rows: the tenants that get rows
     */
    static Dataset<Row> aggregate(Dataset<Row> users, Dataset<Row> previousMonth, Dataset<Row> tenants)
    {
        Dataset<Row> thisMonth = users.select(
                col(TENANT_ID),
                col(PROTOCOL),
                col(USER_PRINCIPAL_NAME),
                UserUsage.succeeded().as(SUCCEEDED_THIS_MONTH),
                lit(false).as(SUCCEEDED_PREVIOUS_MONTH),
                col(REQUESTS).as(REQUESTS_THIS_MONTH),
                lit(0L).as(REQUESTS_LAST_MONTH));
        Dataset<Row> monthBefore = previousMonth.where(col(BASIC_AUTH))
                .groupBy(col(TENANT_ID), col(PROTOCOL), col(USER_PRINCIPAL_NAME))
                .agg(
                        lit(false).as(SUCCEEDED_THIS_MONTH),
                        max(col(SUCCEEDED)).as(SUCCEEDED_PREVIOUS_MONTH),
                        lit(0L).as(REQUESTS_THIS_MONTH),
                        count(lit(1)).as(REQUESTS_LAST_MONTH));
        Dataset<Row> perUser = thisMonth.unionByName(monthBefore)
                .groupBy(col(TENANT_ID), col(PROTOCOL), col(USER_PRINCIPAL_NAME))
                .agg(
                        max(col(SUCCEEDED_THIS_MONTH)).as(SUCCEEDED_THIS_MONTH),
                        max(col(SUCCEEDED_PREVIOUS_MONTH)).as(SUCCEEDED_PREVIOUS_MONTH),
                        sum(col(REQUESTS_THIS_MONTH)).as(REQUESTS_THIS_MONTH),
                        sum(col(REQUESTS_LAST_MONTH)).as(REQUESTS_LAST_MONTH));
        Column usedThisMonth = col(SUCCEEDED_THIS_MONTH);
        Column usedPreviousMonth = col(SUCCEEDED_PREVIOUS_MONTH);
        Dataset<Row> perProtocol = perUser
                .groupBy(col(TENANT_ID), col(PROTOCOL))
                .agg(
                        count(when(usedThisMonth, lit(1))).as(USERS),
                        count(when(usedPreviousMonth, lit(1))).as(USERS_PREVIOUS_MONTH),
                        count(when(usedThisMonth.and(not(usedPreviousMonth)), lit(1))).as(NEW_USERS),
                        count(when(usedPreviousMonth.and(not(usedThisMonth)), lit(1))).as(STOPPED_USERS),
                        sum(col(REQUESTS_THIS_MONTH)).as(REQUESTS),
                        sum(col(REQUESTS_LAST_MONTH)).as(REQUESTS_PREVIOUS_MONTH));
        return perProtocol.join(tenants.select(col(TENANT_ID)), new String[] {TENANT_ID}, "left_semi");
    }
}
