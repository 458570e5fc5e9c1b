package io.usagereport.ingest;

import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.util.AccumulatorV2;

import java.util.HashMap;
import java.util.Map;

import static org.apache.spark.sql.functions.udf;

/**
 * The sign-ins each input file gave to each month, counted as the lake's writer takes them, so the manifests need no
 * second read of what was written.
 *
 * <p>The counting filter ({@link #counting()}) stands in the write job's last stage, after the deduplication: Spark
 * merges the accumulator updates of a result stage once per partition, whatever tasks are retried or run
 * speculatively, so each row is counted once. Only rows of priority {@link #FRESH} are counted: the rows kept from
 * the lake come from files this run does not read.
 *
 * <p>Thread-safe, and {@link #value()} is a snapshot: on the driver, Spark's status listener turns a named
 * accumulator's value into text on its own thread while the scheduler merges finished tasks into it.
 */
final class WrittenRows
        extends AccumulatorV2<String, Map<String, Long>>
{
    private static final long serialVersionUID = 1L;
    /** The priority of the rows this run read (the lake's own rows have 0): the ones counted. */
    static final int FRESH = 1;

    private HashMap<String, Long> counts = new HashMap<>();

    /** The key of a file's rows in a month. */
    static String key(String tenantId, String sourceFile, String month)
    {
        return tenantId + "\u0000" + sourceFile + "\u0000" + month;
    }

    /** The partition ({@code tenant_id=…/month=…}) of a {@link #key}. */
    static String partition(String key)
    {
        String[] parts = key.split("\u0000", -1);
        return SignInSchema.partition(parts[0], parts[2]);
    }

    /**
     * A filter that keeps every row and counts the fresh ones: its arguments are the row's priority, tenant id, source
     * file and month. Not deterministic, so the optimizer neither moves nor drops it.
     */
    UserDefinedFunction counting()
    {
        WrittenRows accumulator = this;
        return udf((UDF4<Integer, String, String, String, Boolean>) (priority, tenantId, sourceFile, month) -> {
            if (priority == FRESH) {
                accumulator.add(key(tenantId, sourceFile, month));
            }
            return true;
        }, DataTypes.BooleanType).asNondeterministic();
    }

    @Override
    public synchronized boolean isZero()
    {
        return counts.isEmpty();
    }

    @Override
    public synchronized WrittenRows copy()
    {
        WrittenRows copy = new WrittenRows();
        copy.counts = new HashMap<>(counts);
        return copy;
    }

    @Override
    public synchronized void reset()
    {
        counts = new HashMap<>();
    }

    @Override
    public synchronized void add(String key)
    {
        counts.merge(key, 1L, Long::sum);
    }

    @Override
    public void merge(AccumulatorV2<String, Map<String, Long>> other)
    {
        // the other's snapshot first: never two accumulators' locks at once
        Map<String, Long> update = other.value();
        synchronized (this) {
            update.forEach((key, rows) -> counts.merge(key, rows, Long::sum));
        }
    }

    @Override
    public synchronized Map<String, Long> value()
    {
        return Map.copyOf(counts);
    }
}
