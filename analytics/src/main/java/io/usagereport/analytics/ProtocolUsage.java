package io.usagereport.analytics;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static io.usagereport.analytics.MartSchemas.FAILED_REQUESTS;
import static io.usagereport.analytics.MartSchemas.FIRST_SEEN;
import static io.usagereport.analytics.MartSchemas.LAST_SEEN;
import static io.usagereport.analytics.MartSchemas.PROTOCOL;
import static io.usagereport.analytics.MartSchemas.REQUESTS;
import static io.usagereport.analytics.MartSchemas.SUCCESSFUL_REQUESTS;
import static io.usagereport.analytics.MartSchemas.TENANT_ID;
import static io.usagereport.analytics.MartSchemas.USERS;
import static io.usagereport.analytics.MartSchemas.USERS_ATTEMPTING;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/** {@link MartSchemas#BASIC_AUTH_BY_PROTOCOL}: Basic-auth sign-ins of one month per tenant and protocol. */
final class ProtocolUsage
{
    private ProtocolUsage() {}

    /**
     * @param users the month's {@link UserUsage} rows: one per tenant, user and protocol, so counting rows counts
     *         distinct users
     */
    static Dataset<Row> aggregate(Dataset<Row> users)
    {
        return users
                .groupBy(col(TENANT_ID), col(PROTOCOL))
                .agg(
                        sum(col(REQUESTS)).as(REQUESTS),
                        sum(col(SUCCESSFUL_REQUESTS)).as(SUCCESSFUL_REQUESTS),
                        sum(col(FAILED_REQUESTS)).as(FAILED_REQUESTS),
                        count(when(UserUsage.succeeded(), lit(1))).as(USERS),
                        count(lit(1)).as(USERS_ATTEMPTING),
                        min(col(FIRST_SEEN)).as(FIRST_SEEN),
                        max(col(LAST_SEEN)).as(LAST_SEEN));
    }
}
