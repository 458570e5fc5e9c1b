package io.usagereport.analytics;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

import static io.usagereport.analytics.MartSchemas.BASIC_AUTH_REQUESTS;
import static io.usagereport.analytics.MartSchemas.BASIC_AUTH_USERS;
import static io.usagereport.analytics.MartSchemas.PROTOCOL;
import static io.usagereport.analytics.MartSchemas.PROTOCOLS_IN_USE;
import static io.usagereport.analytics.MartSchemas.REQUESTS;
import static io.usagereport.analytics.MartSchemas.SIGN_INS;
import static io.usagereport.analytics.MartSchemas.TENANT_ID;
import static io.usagereport.analytics.MartSchemas.USER_PRINCIPAL_NAME;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

/** {@link MartSchemas#TENANT_SUMMARY}: one row per tenant with any sign-in in the month. */
final class TenantSummary
{
    private TenantSummary() {}

    /**
     * @param signIns the month's sign-ins, Basic auth or not
     * @param users the month's {@link UserUsage} rows
     */
    static Dataset<Row> aggregate(Dataset<Row> signIns, Dataset<Row> users)
    {
        Dataset<Row> tenants = signIns
                .groupBy(col(TENANT_ID))
                .agg(count(lit(1)).as(SIGN_INS));
        Dataset<Row> basicAuth = users
                .groupBy(col(TENANT_ID))
                .agg(
                        sum(col(REQUESTS)).as(BASIC_AUTH_REQUESTS),
                        count_distinct(when(UserUsage.succeeded(), col(USER_PRINCIPAL_NAME))).as(BASIC_AUTH_USERS),
                        array_sort(collect_set(col(PROTOCOL))).as(PROTOCOLS_IN_USE));
        return tenants.join(basicAuth, new String[] {TENANT_ID}, "left")
                .select(
                        col(TENANT_ID),
                        col(SIGN_INS),
                        coalesce(col(BASIC_AUTH_REQUESTS), lit(0L)).as(BASIC_AUTH_REQUESTS),
                        coalesce(col(BASIC_AUTH_USERS), lit(0L)).as(BASIC_AUTH_USERS),
                        // a tenant without Basic auth gets []
                        coalesce(col(PROTOCOLS_IN_USE), array().cast(DataTypes.createArrayType(DataTypes.StringType)))
                                .as(PROTOCOLS_IN_USE));
    }
}
