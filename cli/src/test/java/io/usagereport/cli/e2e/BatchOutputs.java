package io.usagereport.cli.e2e;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a monthly run leaves behind, in a form two runs can be compared by: every report file (text files, SVG charts
 * included, as text; PNG charts as their size and a digest of their pixels), separately a digest of every chart's
 * bytes, and the rows of every lake table, sorted (file names differ between runs by design). The manifests'
 * {@code run_id} column and the {@code _runs} summaries (timings, run ids) are left out: they name the run by design.
 */
record BatchOutputs(Map<String, String> reports, Map<String, String> chartBytes, Map<String, List<String>> tables)
{
    /** Names that only a run in progress, or one killed, leaves behind. */
    private static final Pattern LEFTOVER = Pattern.compile(
            "_staging|_trash|_temporary|_COMMIT.*|\\.spark-staging.*|\\..*\\.(staging|previous)-.*");

    static BatchOutputs read(Path lake, Path out)
    {
        return new BatchOutputs(reports(out), chartBytes(out), tables(lake));
    }

    /** Files and folders under the lake and the output that a finished run must not leave, as paths. */
    static List<String> leftovers(Path lake, Path out)
    {
        List<String> found = new ArrayList<>();
        for (Path root : List.of(lake, out)) {
            if (!Files.exists(root)) {
                continue;
            }
            try (Stream<Path> paths = Files.walk(root)) {
                paths.filter(path -> LEFTOVER.matcher(path.getFileName().toString()).matches())
                        .forEach(path -> found.add(path.toString()));
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        found.sort(null);
        return found;
    }

    private static Map<String, String> reports(Path out)
    {
        Map<String, String> files = new TreeMap<>();
        for (Path file : files(out)) {
            String name = out.relativize(file).toString();
            byte[] bytes = bytes(file);
            if (name.endsWith(".png")) {
                files.put(name, pixels(file, bytes));
            }
            else {
                files.put(name, new String(bytes, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private static Map<String, String> chartBytes(Path out)
    {
        Map<String, String> files = new TreeMap<>();
        for (Path file : files(out)) {
            if (file.toString().endsWith(".svg") || file.toString().endsWith(".png")) {
                files.put(out.relativize(file).toString(), sha256(bytes(file)));
            }
        }
        return files;
    }

    private static String pixels(Path file, byte[] bytes)
    {
        try {
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                return "not a readable image: " + bytes.length + " bytes";
            }
            int width = image.getWidth();
            int height = image.getHeight();
            int[] argb = image.getRGB(0, 0, width, height, null, 0, width);
            ByteBuffer buffer = ByteBuffer.allocate(argb.length * 4);
            buffer.asIntBuffer().put(argb);
            return String.format(Locale.ROOT, "png %dx%d pixels %s", width, height, sha256(buffer.array()));
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every lake table's rows, sorted: signins, rejects, _manifests (less run_id) and each mart. */
    private static Map<String, List<String>> tables(Path lake)
    {
        Map<String, List<String>> tables = new TreeMap<>();
        tables.put("signins", rows(lake.resolve("signins"), 2, ""));
        tables.put("rejects", rows(lake.resolve("rejects"), 2, ""));
        tables.put("_manifests", rows(lake.resolve("_manifests"), 2, "EXCLUDE (run_id)"));
        for (Path mart : folders(lake.resolve("marts"))) {
            tables.put("marts/" + mart.getFileName(), rows(mart, 1, ""));
        }
        return tables;
    }

    private static List<String> rows(Path table, int depth, String exclude)
    {
        if (!Files.isDirectory(table)) {
            return List.of("(no table at " + table.getFileName() + ")");
        }
        String glob = table + "/*".repeat(depth) + "/*.parquet";
        String sql = "SELECT * " + exclude + " FROM read_parquet('" + glob + "', hive_partitioning = true)";
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            List<String> header = new ArrayList<>();
            for (int column = 1; column <= columns; column++) {
                header.add(result.getMetaData().getColumnName(column));
            }
            List<String> lines = new ArrayList<>();
            while (result.next()) {
                List<String> cells = new ArrayList<>();
                for (int column = 1; column <= columns; column++) {
                    cells.add(result.getString(column));
                }
                lines.add(String.join(" | ", cells));
            }
            lines.sort(null);
            lines.add(0, "columns: " + String.join(" | ", header));
            return lines;
        }
        catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().contains("No files found")) {
                return List.of("(no files in " + table.getFileName() + ")");
            }
            throw new IllegalStateException("Cannot read " + glob + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> files(Path root)
    {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).sorted().toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> folders(Path root)
    {
        List<Path> folders = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return folders;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(root, Files::isDirectory)) {
            children.forEach(folders::add);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        folders.sort(null);
        return folders;
    }

    private static byte[] bytes(Path file)
    {
        try {
            return Files.readAllBytes(file);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes)
    {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
