package io.usagereport.analytics;

import org.apache.spark.sql.Column;
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
import static io.usagereport.analytics.MartSchemas.USER_PRINCIPAL_NAME;
import static io.usagereport.ingest.SignInSchema.BASIC_AUTH;
import static io.usagereport.ingest.SignInSchema.CREATED_AT;
import static io.usagereport.ingest.SignInSchema.SUCCEEDED;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.when;

/** {@link MartSchemas#BASIC_AUTH_BY_PROTOCOL}: Basic-auth sign-ins of one month per tenant and protocol. */
final class ProtocolUsage
{
    private ProtocolUsage() {}

    static Dataset<Row> aggregate(Dataset<Row> signIns)
    {
        Column user = col(USER_PRINCIPAL_NAME);
        Column succeeded = col(SUCCEEDED);
        return signIns.where(col(BASIC_AUTH))
                .groupBy(col(TENANT_ID), col(PROTOCOL))
                .agg(
                        count(lit(1)).as(REQUESTS),
                        count(when(succeeded, lit(1))).as(SUCCESSFUL_REQUESTS),
                        count(when(not(succeeded), lit(1))).as(FAILED_REQUESTS),
                        count_distinct(when(succeeded, user)).as(USERS),
                        count_distinct(user).as(USERS_ATTEMPTING),
                        min(col(CREATED_AT)).as(FIRST_SEEN),
                        max(col(CREATED_AT)).as(LAST_SEEN));
    }
}
