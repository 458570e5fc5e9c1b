package io.usagereport.analytics;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

import static io.usagereport.analytics.MartSchemas.BASIC_AUTH_REQUESTS;
import static io.usagereport.analytics.MartSchemas.BASIC_AUTH_USERS;
import static io.usagereport.analytics.MartSchemas.PROTOCOL;
import static io.usagereport.analytics.MartSchemas.PROTOCOLS_IN_USE;
import static io.usagereport.analytics.MartSchemas.SIGN_INS;
import static io.usagereport.analytics.MartSchemas.TENANT_ID;
import static io.usagereport.analytics.MartSchemas.USER_PRINCIPAL_NAME;
import static io.usagereport.ingest.SignInSchema.BASIC_AUTH;
import static io.usagereport.ingest.SignInSchema.SUCCEEDED;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

/** {@link MartSchemas#TENANT_SUMMARY}: one row per tenant with any sign-in in the month. */
final class TenantSummary
{
    private TenantSummary() {}

    static Dataset<Row> aggregate(Dataset<Row> signIns)
    {
        Column basicAuth = col(BASIC_AUTH);
        return signIns
                .groupBy(col(TENANT_ID))
                .agg(
                        count(lit(1)).as(SIGN_INS),
                        count(when(basicAuth, lit(1))).as(BASIC_AUTH_REQUESTS),
                        count_distinct(when(basicAuth.and(col(SUCCEEDED)), col(USER_PRINCIPAL_NAME))).as(BASIC_AUTH_USERS),
                        // collect_set skips the nulls of non-Basic sign-ins: a tenant without Basic auth gets []
                        array_sort(collect_set(when(basicAuth, col(PROTOCOL)))).as(PROTOCOLS_IN_USE));
    }
}
