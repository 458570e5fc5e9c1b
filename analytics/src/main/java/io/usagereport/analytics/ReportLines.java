package io.usagereport.analytics;

import io.usagereport.ingest.Protocol;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.util.ArrayList;
import java.util.List;

import static io.usagereport.analytics.MartSchemas.BASIC_AUTH_REPORT_LINES;
import static io.usagereport.analytics.MartSchemas.LINE_NUMBER;
import static io.usagereport.analytics.MartSchemas.PROTOCOL;
import static io.usagereport.analytics.MartSchemas.PROTOCOLS;
import static io.usagereport.analytics.MartSchemas.REPORT_LINE;
import static io.usagereport.analytics.MartSchemas.TENANT_ID;
import static io.usagereport.analytics.MartSchemas.USERS;
import static io.usagereport.analytics.MartSchemas.USER_PRINCIPAL_NAME;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

/**
 * {@link MartSchemas#BASIC_AUTH_REPORT_LINES}: the six {@link ReportLine}s for every tenant with any sign-in, a user
 * counted once per line even when they used several of its protocols (MAPI, RPC and OAB for Outlook Windows).
 */
final class ReportLines
{
    private ReportLines() {}

    /**
     * @param users the month's {@link UserUsage} rows
     * @param tenants the month's {@link TenantSummary} rows: every tenant with any sign-in
     */
    static Dataset<Row> aggregate(Dataset<Row> users, Dataset<Row> tenants)
    {
        Dataset<Row> usersPerLine = users
                .where(UserUsage.succeeded())
                .withColumn(REPORT_LINE, lineOf(col(PROTOCOL)))
                .where(col(REPORT_LINE).isNotNull())
                .groupBy(col(TENANT_ID), col(REPORT_LINE))
                .agg(count_distinct(col(USER_PRINCIPAL_NAME)).as(USERS));
        return tenants.select(col(TENANT_ID)).crossJoin(lines(users))
                .join(usersPerLine, new String[] {TENANT_ID, REPORT_LINE}, "left")
                .select(
                        col(TENANT_ID),
                        col(LINE_NUMBER),
                        col(REPORT_LINE),
                        col(PROTOCOLS),
                        coalesce(col(USERS), lit(0L)).as(USERS));
    }

    /** The line a protocol belongs to, null for protocols outside the report (SMTP AUTH among them). */
    private static Column lineOf(Column protocol)
    {
        Column line = lit(null).cast(DataTypes.StringType);
        for (ReportLine reportLine : ReportLine.values()) {
            Object[] names = reportLine.protocols().stream().map(Protocol::name).toArray();
            line = when(protocol.isin(names), lit(reportLine.name())).otherwise(line);
        }
        return line;
    }

    private static Dataset<Row> lines(Dataset<Row> any)
    {
        StructType schema = new StructType()
                .add(BASIC_AUTH_REPORT_LINES.columns().apply(LINE_NUMBER))
                .add(BASIC_AUTH_REPORT_LINES.columns().apply(REPORT_LINE))
                .add(BASIC_AUTH_REPORT_LINES.columns().apply(PROTOCOLS));
        List<Row> rows = new ArrayList<>();
        for (ReportLine line : ReportLine.values()) {
            List<String> protocols = line.protocols().stream().map(Protocol::name).toList();
            rows.add(RowFactory.create(line.number(), line.name(), protocols));
        }
        return any.sparkSession().createDataFrame(rows, schema);
    }
}
