package io.usagereport.ingest;

import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * An input record that could not become a {@link SignIn}, with where it was and why.
 *
 * @param record the 1-based record number in the file (a record may span several lines)
 * @param line the 1-based physical line the record starts on
 * @param field the column or JSON property at fault; empty when the whole record is at fault
 * @param problem what is wrong, e.g. {@code Invalid sign-in time} or {@code Missing user principal name}
 * @param value the offending value; empty when the value is missing
 * @param expected what was expected instead, e.g. {@code ISO-8601}; empty when there is nothing to say
 * @param rawText the record as it stood in the file, for the rejects table
 */
public record Reject(
        long record,
        long line,
        Optional<String> field,
        String problem,
        Optional<String> value,
        Optional<String> expected,
        String rawText)
{
    private static final int MAX_VALUE_IN_MESSAGE = 200;

    public Reject
    {
        requireNonNull(field, "field is null");
        requireNonNull(problem, "problem is null");
        requireNonNull(value, "value is null");
        requireNonNull(expected, "expected is null");
        requireNonNull(rawText, "rawText is null");
    }

    /** A record that is wrong as a whole (too few cells, not a JSON object, …). */
    public static Reject ofRecord(long record, long line, String problem, String rawText)
    {
        return new Reject(record, line, Optional.empty(), problem, Optional.empty(), Optional.empty(), rawText);
    }

    /** A required field with no value. */
    public static Reject missing(long record, long line, String field, String problem, String rawText)
    {
        return new Reject(record, line, Optional.of(field), problem, Optional.empty(), Optional.empty(), rawText);
    }

    /** A field whose value cannot be read. */
    public static Reject invalid(long record, long line, String field, String problem, String value, String expected, String rawText)
    {
        return new Reject(record, line, Optional.of(field), problem, Optional.of(value), Optional.of(expected), rawText);
    }

    /**
     * The message a user reads, e.g. {@code Invalid sign-in time in exports/a.csv at record 812 (line 815),
     * column 'Date (UTC)': 'not-a-date'; expected ISO-8601}.
     */
    public String message(String sourceFile)
    {
        StringBuilder message = new StringBuilder(problem)
                .append(" in ").append(sourceFile)
                .append(" at record ").append(record)
                .append(" (line ").append(line).append(')');
        field.ifPresent(name -> message.append(", field '").append(name).append('\''));
        value.ifPresent(text -> message.append(": '").append(abbreviate(text)).append('\''));
        expected.ifPresent(text -> message.append("; expected ").append(text));
        return message.toString();
    }

    private static String abbreviate(String text)
    {
        if (text.length() <= MAX_VALUE_IN_MESSAGE) {
            return text;
        }
        return text.substring(0, MAX_VALUE_IN_MESSAGE) + "…(" + text.length() + " characters)";
    }
}
