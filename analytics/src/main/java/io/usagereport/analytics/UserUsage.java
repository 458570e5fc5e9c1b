package io.usagereport.analytics;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static io.usagereport.analytics.MartSchemas.DISTINCT_IPS;
import static io.usagereport.analytics.MartSchemas.FAILED_REQUESTS;
import static io.usagereport.analytics.MartSchemas.FIRST_SEEN;
import static io.usagereport.analytics.MartSchemas.LAST_SEEN;
import static io.usagereport.analytics.MartSchemas.PROTOCOL;
import static io.usagereport.analytics.MartSchemas.REQUESTS;
import static io.usagereport.analytics.MartSchemas.SUCCESSFUL_REQUESTS;
import static io.usagereport.analytics.MartSchemas.TENANT_ID;
import static io.usagereport.analytics.MartSchemas.TOP_USER_AGENT;
import static io.usagereport.analytics.MartSchemas.USER_DISPLAY_NAME;
import static io.usagereport.analytics.MartSchemas.USER_PRINCIPAL_NAME;
import static io.usagereport.ingest.SignInSchema.BASIC_AUTH;
import static io.usagereport.ingest.SignInSchema.CREATED_AT;
import static io.usagereport.ingest.SignInSchema.IP_ADDRESS;
import static io.usagereport.ingest.SignInSchema.SUCCEEDED;
import static io.usagereport.ingest.SignInSchema.USER_AGENT;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.mode;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

/** {@link MartSchemas#BASIC_AUTH_BY_USER}: Basic-auth sign-ins of one month per tenant, user and protocol. */
final class UserUsage
{
    /** {@code mode(value, true)} ignores nulls and breaks ties towards the smallest value: alphabetical order. */
    private static final boolean LOWEST_AMONG_TIES = true;

    private UserUsage() {}

    /** True for a row of a user who signed in successfully with the protocol at least once. */
    static Column succeeded()
    {
        return col(SUCCESSFUL_REQUESTS).gt(0);
    }

    static Dataset<Row> aggregate(Dataset<Row> signIns)
    {
        Column succeeded = col(SUCCEEDED);
        return signIns.where(col(BASIC_AUTH))
                .groupBy(col(TENANT_ID), col(USER_PRINCIPAL_NAME), col(PROTOCOL))
                .agg(
                        count(lit(1)).as(REQUESTS),
                        count(when(succeeded, lit(1))).as(SUCCESSFUL_REQUESTS),
                        count(when(not(succeeded), lit(1))).as(FAILED_REQUESTS),
                        min(col(CREATED_AT)).as(FIRST_SEEN),
                        max(col(CREATED_AT)).as(LAST_SEEN),
                        count_distinct(col(IP_ADDRESS)).as(DISTINCT_IPS),
                        mode(col(USER_AGENT), LOWEST_AMONG_TIES).as(TOP_USER_AGENT),
                        mode(col(USER_DISPLAY_NAME), LOWEST_AMONG_TIES).as(USER_DISPLAY_NAME));
    }
}
