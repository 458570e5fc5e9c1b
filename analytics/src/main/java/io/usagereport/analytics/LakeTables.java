package io.usagereport.analytics;

import io.usagereport.ingest.LakeLayout;
import io.usagereport.ingest.ManifestSchema;
import io.usagereport.ingest.SignInSchema;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * The lake's tables as temporary views of a Spark session, for SQL by name:
 * {@value #SIGNINS}, {@value #REJECTS}, {@value #MANIFESTS} (the {@code _manifests} folder) and every mart by its
 * folder name ({@link MartSchemas#ALL}). Partition columns ({@code tenant_id}, {@code month}, …) are ordinary
 * columns of the views; filter on them to read only some partitions.
 *
 * <p>A table whose folder does not exist yet is skipped, and a view of that name left from an earlier lake is
 * dropped, so a view always shows the lake given here. {@code signins} and the marts are read with their declared
 * schemas (an empty mart folder is an empty view); {@code rejects} and {@code manifests} with the schema their files
 * carry, and are skipped while they hold no file.
 */
public final class LakeTables
{
    public static final String SIGNINS = "signins";
    public static final String REJECTS = "rejects";
    public static final String MANIFESTS = "manifests";

    private static final Logger LOG = LoggerFactory.getLogger(LakeTables.class);

    private final SparkSession spark;
    private final LakeLayout lake;

    private LakeTables(SparkSession spark, LakeLayout lake)
    {
        this.spark = requireNonNull(spark, "spark is null");
        this.lake = requireNonNull(lake, "lake is null");
    }

    public static LakeTables forLake(SparkSession spark, LakeLayout lake)
    {
        return new LakeTables(spark, lake);
    }

    /**
     * Registers (or replaces) a view for every table present.
     *
     * @return the names of the views registered, in the order above
     */
    public List<String> register()
    {
        LakeFiles files = new LakeFiles(spark);
        List<String> registered = new ArrayList<>();
        register(files, SIGNINS, lake.signins(), Optional.of(SignInSchema.TABLE), registered);
        register(files, REJECTS, lake.rejects(), Optional.of(ManifestSchema.REJECTS), registered);
        register(files, MANIFESTS, lake.manifests(), Optional.of(ManifestSchema.MANIFEST), registered);
        for (MartSchema mart : MartSchemas.ALL) {
            register(files, mart.name(), lake.mart(mart.name()), Optional.of(mart.table()), registered);
        }
        LOG.info("Registered lake tables of {}: {}", lake.root(), registered);
        return List.copyOf(registered);
    }

    /**
     * One month of a mart, in the mart's schema ({@link MartSchema#table()}, {@code month} last); empty when the
     * month or the whole mart has not been written. Only that month's partition is read.
     */
    public Dataset<Row> mart(MartSchema mart, YearMonth month)
    {
        requireNonNull(mart, "mart is null");
        requireNonNull(month, "month is null");
        String location = lake.mart(mart.name());
        Dataset<Row> table;
        if (new LakeFiles(spark).exists(location)) {
            table = spark.read().schema(mart.table()).parquet(location);
        }
        else {
            table = spark.createDataFrame(Collections.<Row>emptyList(), mart.table());
        }
        return table.where(SignInsReader.inMonth(month));
    }

    /**
     * Whether the month of {@link MartSchemas#BASIC_AUTH_BY_USER} holds pseudonyms instead of user names: its folder
     * has the {@value UserPseudonyms#MARKER} file.
     */
    public boolean usersPseudonymized(YearMonth month)
    {
        requireNonNull(month, "month is null");
        return new LakeFiles(spark).exists(UserPseudonyms.marker(lake, month));
    }

    /**
     * One month of {@link MartSchemas#BASIC_AUTH_BY_USER} with real user names, as {@link #mart(MartSchema, YearMonth)}
     * reads it: the mart itself, or, when the month was written with pseudonyms ({@link #usersPseudonymized}), the
     * same aggregation computed again from that month's {@code signins}.
     */
    public Dataset<Row> usersWithNames(YearMonth month)
    {
        requireNonNull(month, "month is null");
        if (!usersPseudonymized(month)) {
            return mart(MartSchemas.BASIC_AUTH_BY_USER, month);
        }
        LOG.info("Users of {} are pseudonymised in {}; reading their names from {}", month, MartSchemas.BASIC_AUTH_BY_USER.name(), lake.signins());
        Dataset<Row> signIns = new SignInsReader(spark, lake, new LakeFiles(spark)).read(List.of(month));
        return MartWriter.shape(MartSchemas.BASIC_AUTH_BY_USER, UserUsage.aggregate(signIns), month);
    }

    private void register(LakeFiles files, String view, String location, Optional<StructType> schema, List<String> registered)
    {
        Optional<Dataset<Row>> table = files.exists(location) ? read(location, schema) : Optional.empty();
        if (table.isEmpty()) {
            spark.catalog().dropTempView(view);
            return;
        }
        table.get().createOrReplaceTempView(view);
        registered.add(view);
    }

    private Optional<Dataset<Row>> read(String location, Optional<StructType> schema)
    {
        if (schema.isPresent()) {
            return Optional.of(spark.read().schema(schema.get()).parquet(location));
        }
        try {
            return Optional.of(spark.read().parquet(location));
        }
        catch (Exception e) {
            // Scala does not declare AnalysisException (stack.md G10); it means "no file to infer a schema from" here
            if (e instanceof AnalysisException) {
                LOG.warn("Skipping lake table {}: {}", location, e.getMessage());
                return Optional.empty();
            }
            throw e;
        }
    }
}
