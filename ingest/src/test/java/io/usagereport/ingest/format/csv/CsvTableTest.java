package io.usagereport.ingest.format.csv;

import io.usagereport.ingest.format.ExportInput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class CsvTableTest
{
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            LF                        | a,b\\n1,2\\n3,4\\n
            CR LF                     | a,b\\r\\n1,2\\r\\n3,4\\r\\n
            CR only                   | a,b\\r1,2\\r3,4\\r
            no final line break       | a,b\\n1,2\\n3,4
            byte order mark character | \\uFEFFa,b\\n1,2\\n3,4\\n
            trailing empty lines      | a,b\\n1,2\\n3,4\\n\\n\\r\\n
            """)
    void readsLineEnds(String name, String text)
            throws IOException
    {
        List<CsvRow> rows = readAll(unescape(text));

        assertThat(rows)
                .extracting(CsvRow::record, CsvRow::line, CsvRow::cells, CsvRow::rawText)
                .containsExactly(
                        tuple(1L, 2L, List.of("1", "2"), "1,2"),
                        tuple(2L, 3L, List.of("3", "4"), "3,4"));
    }

    @Test
    void skipsTheTypeLineAndReadsSemicolons()
            throws IOException
    {
        String text = "#TYPE System.Management.Automation.PSCustomObject\r\n\"a\";\"b\"\r\n\"x;y\";\"line\r\nbreak\"\r\n\"1\";\"2\"\r\n";
        CsvTable table = CsvTable.open(input(text));

        assertThat(table.header().names()).containsExactly("a", "b");
        List<CsvRow> rows = drain(table);
        assertThat(rows)
                .extracting(CsvRow::record, CsvRow::line, CsvRow::cells, CsvRow::rawText)
                .containsExactly(
                        tuple(1L, 3L, List.of("x;y", "line\r\nbreak"), "\"x;y\";\"line\r\nbreak\""),
                        tuple(2L, 5L, List.of("1", "2"), "\"1\";\"2\""));
    }

    @Test
    void keepsDuplicateAndOddlySpacedHeaderNames()
            throws IOException
    {
        CsvTable table = CsvTable.open(input("\"Application ID \",\"Incoming token type\",\"Autonomous system  number\",\"Incoming token type\"\n"));

        CsvHeader header = table.header();
        assertThat(header.size()).isEqualTo(4);
        assertThat(header.column("application id")).contains(new CsvColumn(0, "Application ID"));
        assertThat(header.column("Incoming token type")).contains(new CsvColumn(1, "Incoming token type"));
        assertThat(header.column("Autonomous system number")).contains(new CsvColumn(2, "Autonomous system  number"));
        assertThat(table.next()).isEmpty();
    }

    @Test
    void readsAnEmptyInput()
            throws IOException
    {
        CsvTable table = CsvTable.open(input(""));

        assertThat(table.header().names()).isEmpty();
        assertThat(table.next()).isEmpty();
    }

    @Test
    void reportsTextAfterAClosingQuoteWithTheRecordLine()
            throws IOException
    {
        CsvTable table = CsvTable.open(input("a,b\n1,2\n\"3\"x,4\n5,6\n"));

        assertThat(table.next().orElseThrow().cells()).containsExactly("1", "2");
        assertThatThrownBy(table::next)
                .isInstanceOf(IOException.class)
                .hasMessage("Cannot read test.csv: Invalid character between encapsulated token and delimiter,"
                        + " in the record starting on line 3");
    }

    @Test
    void keepsLinesAndTextOverMegabytesOfRecords()
            throws IOException
    {
        // about 1.7 million characters: the kept text is refilled and compacted many times, and line breaks (LF,
        // CR LF, a lone CR, inside quotes too) fall on every side of its buffers' edges
        String[] breaks = {"\n", "\r\n", "\r"};
        StringBuilder text = new StringBuilder("a,b\r\n");
        List<String> expectedText = new ArrayList<>();
        List<Long> expectedLines = new ArrayList<>();
        long line = 2;
        for (int record = 1; record <= 20_000; record++) {
            String lineBreak = breaks[record % breaks.length];
            String cell = "x".repeat(record % 97);
            String raw = record % 7 == 0
                    ? "\"" + cell + lineBreak + "y\"," + record
                    : cell + "," + record;
            if (record % 11 == 0) {
                // an empty line before the record: skipped, and the record starts one line further down (CR LF, so
                // that it cannot join a CR that ends the record before)
                text.append("\r\n");
                line++;
            }
            expectedLines.add(line);
            expectedText.add(raw);
            text.append(raw).append(lineBreak);
            line += record % 7 == 0 ? 2 : 1;
        }

        List<CsvRow> rows = readAll(text.toString());

        assertThat(rows).hasSize(20_000);
        assertThat(rows).extracting(CsvRow::line).containsExactlyElementsOf(expectedLines);
        assertThat(rows).extracting(CsvRow::rawText).containsExactlyElementsOf(expectedText);
        assertThat(rows.get(13_999).cells()).containsExactly("x".repeat(14_000 % 97) + "\ry", "14000");
    }

    @Test
    void findsTheHeaderInTheHeadOfAFile()
    {
        assertThat(CsvHeader.fromHead("#TYPE X\r\n\"A\";\"B, C\"\r\n\"1\";\"2\"").orElseThrow().names()).containsExactly("A", "B, C");
        assertThat(CsvHeader.fromHead("\uFEFFA,B\n").orElseThrow().names()).containsExactly("A", "B");
        assertThat(CsvHeader.fromHead("\n")).isEmpty();
        assertThat(CsvHeader.fromHead("\"unclosed,quote\n")).isEmpty();
    }

    private static List<CsvRow> readAll(String text)
            throws IOException
    {
        CsvTable table = CsvTable.open(input(text));
        assertThat(table.header().names()).containsExactly("a", "b");
        return drain(table);
    }

    private static List<CsvRow> drain(CsvTable table)
            throws IOException
    {
        List<CsvRow> rows = new ArrayList<>();
        Optional<CsvRow> row = table.next();
        while (row.isPresent()) {
            rows.add(row.get());
            row = table.next();
        }
        return rows;
    }

    private static ExportInput input(String text)
    {
        return new ExportInput("test.csv", StandardCharsets.UTF_8, new StringReader(text));
    }

    private static String unescape(String text)
    {
        return text.strip().replace("\\uFEFF", "\uFEFF").replace("\\r", "\r").replace("\\n", "\n");
    }
}
