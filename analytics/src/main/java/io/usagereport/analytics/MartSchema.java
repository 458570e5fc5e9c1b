package io.usagereport.analytics;

import io.usagereport.ingest.SignInSchema;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import java.util.Arrays;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * One mart of the lake: its folder name under {@code marts/} (also its view name for {@code query}) and its data
 * columns in file order. Every mart is partitioned by {@code month=<YYYY-MM>}, which is not stored in the files.
 *
 * @param name the folder and view name, e.g. {@code basic_auth_by_protocol}
 * @param columns the data columns, in file order
 * @param keyColumns the columns that identify a row within a month (each month has at most one row per key)
 */
public record MartSchema(String name, StructType columns, List<String> keyColumns)
{
    public MartSchema
    {
        requireNonNull(name, "name is null");
        requireNonNull(columns, "columns is null");
        keyColumns = List.copyOf(requireNonNull(keyColumns, "keyColumns is null"));
        if (name.isBlank()) {
            throw new IllegalArgumentException("name is blank");
        }
        List<String> names = Arrays.asList(columns.fieldNames());
        for (String key : keyColumns) {
            if (!names.contains(key)) {
                throw new IllegalArgumentException("Invalid key column of mart " + name + ": " + key);
            }
        }
    }

    /** The mart as Spark reads it back: the data columns, then the {@code month} partition column. */
    public StructType table()
    {
        return columns.add(DataTypes.createStructField(SignInSchema.MONTH, DataTypes.StringType, true));
    }

    /** The data column names, in file order. */
    public List<String> columnNames()
    {
        return Arrays.stream(columns.fields()).map(StructField::name).toList();
    }
}
