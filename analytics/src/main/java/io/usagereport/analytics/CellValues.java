package io.usagereport.analytics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Spark values as the query output shows them: timestamps as ISO-8601 UTC instants ({@code 2022-09-03T10:00:00Z}),
 * dates as ISO dates, decimals without exponent, binary as Base64, and arrays, maps and structs as JSON text (in
 * text formats) or JSON values (in JSON lines).
 */
final class CellValues
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private CellValues() {}

    /** The cell as text; empty for null. */
    static Optional<String> text(Row row, int index)
    {
        if (row.isNullAt(index)) {
            return Optional.empty();
        }
        Object value = plain(row.get(index));
        if (value instanceof List<?> || value instanceof Map<?, ?>) {
            try {
                return Optional.of(JSON.writeValueAsString(value));
            }
            catch (JsonProcessingException e) {
                throw new IllegalStateException("Cannot print value as JSON: " + e.getMessage(), e);
            }
        }
        return Optional.of(value.toString());
    }

    /** The cell as a plain Java value for JSON: String, Number, Boolean, List, Map or null. */
    static Object json(Row row, int index)
    {
        if (row.isNullAt(index)) {
            return null;
        }
        return plain(row.get(index));
    }

    private static Object plain(Object value)
    {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().toString();
        }
        if (value instanceof Instant || value instanceof LocalDateTime || value instanceof LocalDate) {
            return value.toString();
        }
        if (value instanceof Date date) {
            // Spark builds java.sql.Date in the JVM's zone so that its fields show the stored day
            return date.toLocalDate().toString();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Double number && !Double.isFinite(number)) {
            return number.toString();
        }
        if (value instanceof Float number && !Float.isFinite(number)) {
            return number.toString();
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof Row struct) {
            Map<String, Object> fields = new LinkedHashMap<>();
            StructField[] schema = struct.schema().fields();
            for (int index = 0; index < struct.length(); index++) {
                fields.put(schema[index].name(), plain(struct.get(index)));
            }
            return fields;
        }
        if (value instanceof scala.collection.Map<?, ?> map) {
            Map<String, Object> entries = new LinkedHashMap<>();
            scala.jdk.javaapi.CollectionConverters.asJava(map)
                    .forEach((key, entry) -> entries.put(String.valueOf(plain(key)), plain(entry)));
            return entries;
        }
        if (value instanceof scala.collection.Iterable<?> iterable) {
            List<Object> elements = new ArrayList<>();
            for (Object element : scala.jdk.javaapi.CollectionConverters.asJava(iterable)) {
                elements.add(plain(element));
            }
            return elements;
        }
        return value;
    }
}
