package io.usagereport.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A minimal test-only reader of the files the generator writes (it knows which format each file is from its
 * name), so tests can check the files against the generator's own figures.
 */
final class ExportRows
{
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern POWERSHELL_ERROR_CODE = Pattern.compile("ErrorCode: (\\d+)");

    /** The fields every format carries; {@code errorCode} is the text the file holds ("" on a portal success). */
    record Row(String id, String time, String userPrincipalName, String clientApp, String errorCode, String displayName) {}

    private ExportRows() {}

    static SampleFormat formatOf(Path file)
    {
        String name = file.getFileName().toString();
        if (name.startsWith("query_data_")) {
            return SampleFormat.LOG_ANALYTICS_CSV;
        }
        if (name.startsWith("Get-AzureAD")) {
            return SampleFormat.POWERSHELL_WINDOWS_CSV;
        }
        if (name.startsWith("Get-Mg")) {
            return SampleFormat.POWERSHELL_GRAPH_CSV;
        }
        if (name.startsWith("insights-logs-")) {
            return SampleFormat.DIAGNOSTIC_RECORDS;
        }
        if (name.endsWith(".jsonl")) {
            return SampleFormat.GRAPH_JSON_LINES;
        }
        if (name.startsWith("graph-")) {
            return SampleFormat.GRAPH_JSON_PAGES;
        }
        if (name.endsWith(".json")) {
            return SampleFormat.ENTRA_JSON;
        }
        return SampleFormat.ENTRA_CSV;
    }

    static String text(Path file)
            throws IOException
    {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    static List<CSVRecord> csvRecords(String text)
            throws IOException
    {
        try (CSVParser parser = CSVParser.parse(new StringReader(text), CSVFormat.DEFAULT)) {
            return parser.getRecords();
        }
    }

    static List<Row> read(Path file)
            throws IOException
    {
        SampleFormat format = formatOf(file);
        String text = text(file);
        switch (format) {
            case ENTRA_CSV:
            case ENTRA_CSV_LEGACY:
                return csv(text, "Request ID", "Date (UTC)", "Username", "Client app", "Sign-in error code", "User");
            case POWERSHELL_WINDOWS_CSV: {
                List<Row> rows = new ArrayList<>();
                for (Row row : csv(text.substring(text.indexOf('\n') + 1), "Id", "CreatedDateTime", "UserPrincipalName",
                        "ClientAppUsed", "Status", "UserDisplayName")) {
                    Matcher matcher = POWERSHELL_ERROR_CODE.matcher(row.errorCode());
                    String code = matcher.find() ? matcher.group(1) : "?";
                    rows.add(new Row(row.id(), row.time(), row.userPrincipalName(), row.clientApp(), code, row.displayName()));
                }
                return rows;
            }
            case POWERSHELL_GRAPH_CSV:
                return csv(text, "Id", "CreatedDateTime", "UserPrincipalName", "ClientAppUsed", "Status.ErrorCode", "UserDisplayName");
            case LOG_ANALYTICS_CSV:
                return csv(text, "Id", "CreatedDateTime [UTC]", "UserPrincipalName", "ClientAppUsed", "ResultType", "UserDisplayName");
            case ENTRA_JSON:
                return jsonArray(MAPPER.readTree(text));
            case GRAPH_JSON_PAGES: {
                List<Row> rows = new ArrayList<>();
                try (MappingIterator<JsonNode> pages = MAPPER.readerFor(JsonNode.class).readValues(text)) {
                    while (pages.hasNext()) {
                        rows.addAll(jsonArray(pages.next().get("value")));
                    }
                }
                return rows;
            }
            case GRAPH_JSON_LINES: {
                List<Row> rows = new ArrayList<>();
                for (String line : text.split("\n")) {
                    if (line.isBlank()) {
                        continue;
                    }
                    rows.add(jsonRow(MAPPER.readTree(line)));
                }
                return rows;
            }
            case DIAGNOSTIC_RECORDS: {
                List<Row> rows = new ArrayList<>();
                for (JsonNode record : MAPPER.readTree(text).get("records")) {
                    rows.add(jsonRow(record.get("properties")));
                }
                return rows;
            }
        }
        throw new AssertionError(format);
    }

    private static List<Row> csv(String text, String id, String time, String user, String clientApp, String errorCode,
            String displayName)
            throws IOException
    {
        List<CSVRecord> records = csvRecords(text);
        List<String> header = records.get(0).toList();
        List<Row> rows = new ArrayList<>();
        for (CSVRecord record : records.subList(1, records.size())) {
            rows.add(new Row(record.get(header.indexOf(id)), record.get(header.indexOf(time)), record.get(header.indexOf(user)),
                    record.get(header.indexOf(clientApp)), record.get(header.indexOf(errorCode)),
                    record.get(header.indexOf(displayName))));
        }
        return rows;
    }

    private static List<Row> jsonArray(JsonNode array)
    {
        List<Row> rows = new ArrayList<>();
        for (JsonNode node : array) {
            rows.add(jsonRow(node));
        }
        return rows;
    }

    private static Row jsonRow(JsonNode node)
    {
        return new Row(node.get("id").asText(), node.get("createdDateTime").asText(), node.get("userPrincipalName").asText(),
                node.get("clientAppUsed").asText(), node.get("status").get("errorCode").asText(),
                node.get("userDisplayName").asText());
    }
}
