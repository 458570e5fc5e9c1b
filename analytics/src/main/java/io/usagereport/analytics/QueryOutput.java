package io.usagereport.analytics;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.usagereport.ingest.ErrorCode;
import io.usagereport.ingest.LakeLayout;
import io.usagereport.ingest.UsageReportException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.parser.ParseException;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static java.util.Objects.requireNonNull;

/**
 * The library side of the {@code query} command: Spark SQL over the lake's tables ({@link LakeTables}: {@code signins},
 * {@code rejects}, {@code manifests}, every mart), printed as a text table, CSV or JSON lines ({@link OutputFormat}).
 *
 * <pre>{@code
 * QueryResult result = QueryOutput.forLake(spark, new LakeLayout("/data/lake"))
 *         .format(OutputFormat.CSV)
 *         .limit(1000)
 *         .write("SELECT * FROM basic_auth_by_protocol WHERE month = '2022-09'", System.out);
 * }</pre>
 *
 * <p>Defaults: {@link OutputFormat#TABLE}, no limit (a table is collected on the driver before it is printed; CSV
 * and JSON stream row by row). Timestamps print as ISO-8601 UTC instants. Instances are immutable; the setters
 * return a new instance.
 */
public final class QueryOutput
{
    public static final OutputFormat DEFAULT_FORMAT = OutputFormat.TABLE;

    private static final char BYTE_ORDER_MARK = '\uFEFF';
    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final String FORMULA_GUARD = "'";
    private static final String JSON_LINE_END = "\n";

    private final SparkSession spark;
    private final LakeLayout lake;
    private final OutputFormat format;
    private final OptionalLong limit;

    private QueryOutput(SparkSession spark, LakeLayout lake, OutputFormat format, OptionalLong limit)
    {
        this.spark = requireNonNull(spark, "spark is null");
        this.lake = requireNonNull(lake, "lake is null");
        this.format = requireNonNull(format, "format is null");
        this.limit = requireNonNull(limit, "limit is null");
    }

    public static QueryOutput forLake(SparkSession spark, LakeLayout lake)
    {
        return new QueryOutput(spark, lake, DEFAULT_FORMAT, OptionalLong.empty());
    }

    public QueryOutput format(OutputFormat format)
    {
        return new QueryOutput(spark, lake, requireNonNull(format, "format is null"), limit);
    }

    /** At most this many rows are printed (at least 1); {@link QueryResult#truncated()} tells whether there were more. */
    public QueryOutput limit(long rows)
    {
        if (rows < 1) {
            throw new IllegalArgumentException("Invalid limit: " + rows + "; expected at least 1");
        }
        return new QueryOutput(spark, lake, format, OptionalLong.of(rows));
    }

    /**
     * Runs the query and prints its result to the stream in UTF-8 (CSV with a byte-order mark). The stream is
     * flushed, not closed.
     *
     * @throws UsageReportException {@link ErrorCode#USAGE} when the SQL is invalid (syntax, unknown table or column)
     */
    public QueryResult write(String sql, OutputStream output)
    {
        requireNonNull(output, "output is null");
        Writer writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
        return write(sql, writer);
    }

    /**
     * Runs the query and prints its result to the writer (for CSV, starting with the byte-order mark U+FEFF). The
     * writer is flushed, not closed.
     *
     * @throws UsageReportException {@link ErrorCode#USAGE} when the SQL is invalid (syntax, unknown table or column)
     */
    public QueryResult write(String sql, Writer writer)
    {
        requireNonNull(sql, "sql is null");
        requireNonNull(writer, "writer is null");
        LakeTables.forLake(spark, lake).register();
        Dataset<Row> result = query(sql);
        List<String> columns = List.of(result.columns());
        Iterator<Row> rows;
        if (limit.isPresent()) {
            // one row more than printed tells whether the limit cut the result
            rows = result.limit(Math.toIntExact(Math.min(limit.getAsLong() + 1, Integer.MAX_VALUE))).collectAsList().iterator();
        }
        else {
            rows = result.toLocalIterator();
        }
        try {
            QueryResult printed = switch (format) {
                case TABLE -> writeTable(result, rows, writer);
                case CSV -> writeCsv(result, rows, writer);
                case JSON -> writeJson(result, rows, writer);
            };
            writer.flush();
            return printed;
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot write query result: " + e.getMessage(), e);
        }
    }

    private Dataset<Row> query(String sql)
    {
        try {
            return spark.sql(sql);
        }
        catch (Exception e) {
            // Scala does not declare these (stack.md G10)
            if (e instanceof ParseException || e instanceof AnalysisException) {
                throw new UsageReportException(ErrorCode.USAGE, "Invalid query: " + e.getMessage(), e);
            }
            throw e;
        }
    }

    private QueryResult writeTable(Dataset<Row> result, Iterator<Row> rows, Writer writer)
            throws IOException
    {
        List<Boolean> rightAligned = new ArrayList<>();
        for (StructField field : result.schema().fields()) {
            rightAligned.add(field.dataType() instanceof NumericType);
        }
        TextTable table = new TextTable(List.of(result.columns()), rightAligned);
        Counter counter = new Counter();
        while (counter.more(rows)) {
            Row row = rows.next();
            List<Optional<String>> cells = new ArrayList<>();
            for (int index = 0; index < row.length(); index++) {
                cells.add(CellValues.text(row, index));
            }
            table.add(cells);
        }
        QueryResult printed = counter.result(result);
        table.write(writer, footer(printed));
        return printed;
    }

    private QueryResult writeCsv(Dataset<Row> result, Iterator<Row> rows, Writer writer)
            throws IOException
    {
        StructField[] fields = result.schema().fields();
        writer.write(BYTE_ORDER_MARK);
        CSVFormat csv = CSVFormat.RFC4180.builder().setHeader(result.columns()).get();
        // not closed: closing the printer would close the caller's writer
        CSVPrinter printer = new CSVPrinter(writer, csv);
        Counter counter = new Counter();
        while (counter.more(rows)) {
            Row row = rows.next();
            List<String> cells = new ArrayList<>();
            for (int index = 0; index < row.length(); index++) {
                boolean text = !(fields[index].dataType() instanceof NumericType);
                cells.add(CellValues.text(row, index).map(cell -> text ? neutralised(cell) : cell).orElse(null));
            }
            printer.printRecord(cells);
        }
        printer.flush();
        return counter.result(result);
    }

    private QueryResult writeJson(Dataset<Row> result, Iterator<Row> rows, Writer writer)
            throws IOException
    {
        String[] columns = result.columns();
        ObjectMapper mapper = new ObjectMapper();
        mapper.getFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        Counter counter = new Counter();
        while (counter.more(rows)) {
            Row row = rows.next();
            Map<String, Object> object = new LinkedHashMap<>();
            for (int index = 0; index < row.length(); index++) {
                object.put(columns[index], CellValues.json(row, index));
            }
            writer.write(mapper.writeValueAsString(object));
            writer.write(JSON_LINE_END);
        }
        return counter.result(result);
    }

    /** A spreadsheet would run {@code =…}, {@code +…}, {@code -…}, {@code @…} as a formula: keep it text. */
    static String neutralised(String cell)
    {
        if (!cell.isEmpty() && FORMULA_STARTS.indexOf(cell.charAt(0)) >= 0) {
            return FORMULA_GUARD + cell;
        }
        return cell;
    }

    private static String footer(QueryResult printed)
    {
        String rows = printed.rows() == 1 ? "(1 row" : String.format(Locale.ROOT, "(%d rows", printed.rows());
        if (printed.truncated()) {
            return rows + ", limit reached)";
        }
        return rows + ")";
    }

    /** Counts the rows printed and stops at the limit. */
    private final class Counter
    {
        private long printed;
        private boolean truncated;

        boolean more(Iterator<Row> rows)
        {
            if (!rows.hasNext()) {
                return false;
            }
            if (limit.isPresent() && printed >= limit.getAsLong()) {
                truncated = true;
                return false;
            }
            printed++;
            return true;
        }

        QueryResult result(Dataset<Row> result)
        {
            return new QueryResult(List.of(result.columns()), printed, truncated);
        }
    }
}
