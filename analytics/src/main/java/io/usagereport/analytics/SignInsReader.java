package io.usagereport.analytics;

import io.usagereport.ingest.LakeLayout;
import io.usagereport.ingest.SignInSchema;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lower;
import static org.apache.spark.sql.functions.trim;

/**
 * Reads the sign-ins of a few months, touching only those months' partitions: the listing globs
 * {@code signins/tenant_id=*}{@code /month=<YYYY-MM>} instead of walking the whole table, and the partition filter on
 * {@code month} keeps the scan pruned even when the listing is not.
 */
final class SignInsReader
{
    private static final String PARTITION_SEPARATOR = "=";

    private final SparkSession spark;
    private final LakeLayout lake;
    private final LakeFiles files;

    SignInsReader(SparkSession spark, LakeLayout lake, LakeFiles files)
    {
        this.spark = requireNonNull(spark, "spark is null");
        this.lake = requireNonNull(lake, "lake is null");
        this.files = requireNonNull(files, "files is null");
    }

    /**
     * The columns the marts need, user principal names lower-cased again (ingest already does it; a lake written by
     * another tool might not). Empty, with the same columns, when none of the months has data.
     */
    Dataset<Row> read(List<YearMonth> months)
    {
        List<String> monthValues = months.stream().map(YearMonth::toString).toList();
        // the month folders themselves, not the glob: Spark would look for a streaming-sink log under a single glob
        List<String> folders = new ArrayList<>();
        for (String month : monthValues) {
            folders.addAll(files.glob(lake.signins() + "/" + SignInSchema.TENANT_ID + PARTITION_SEPARATOR + "*/"
                    + SignInSchema.MONTH + PARTITION_SEPARATOR + month));
        }
        Dataset<Row> table;
        if (folders.isEmpty()) {
            table = spark.createDataFrame(Collections.<Row>emptyList(), SignInSchema.TABLE);
        }
        else {
            table = spark.read()
                    .schema(SignInSchema.TABLE)
                    .option("basePath", lake.signins())
                    .parquet(folders.toArray(new String[0]));
        }
        return table
                .where(col(SignInSchema.MONTH).isin(monthValues.toArray()))
                .select(
                        col(SignInSchema.TENANT_ID),
                        col(SignInSchema.MONTH),
                        lower(trim(col(SignInSchema.USER_PRINCIPAL_NAME))).as(SignInSchema.USER_PRINCIPAL_NAME),
                        col(SignInSchema.USER_DISPLAY_NAME),
                        col(SignInSchema.PROTOCOL),
                        col(SignInSchema.BASIC_AUTH),
                        col(SignInSchema.SUCCEEDED),
                        col(SignInSchema.CREATED_AT),
                        col(SignInSchema.IP_ADDRESS),
                        col(SignInSchema.USER_AGENT));
    }

    static Column inMonth(YearMonth month)
    {
        return col(SignInSchema.MONTH).equalTo(month.toString());
    }
}
