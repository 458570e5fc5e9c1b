package io.usagereport.ingest;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * Finds the export files under the paths a user names, and the tenant each belongs to.
 *
 * <p>Without a tenant option, a path is either a tenant's folder (named after the tenant id, a GUID) or a folder of
 * such folders: {@code INPUT/<tenant-id>/<any name>.{csv,json,jsonl}}, searched recursively. With a tenant option,
 * every export file under the paths belongs to that tenant. Anything else (folders not named after a tenant,
 * other kinds of files) is skipped and reported in {@link Discovered#problems()}, never silently. Hidden files and
 * folders (names starting with {@code .} or {@code _}) are not exports and are passed over.
 *
 * <p>Links on a local disk are followed only while they stay inside the folder the user named: a link whose
 * target lies outside it (or does not exist) is skipped and reported, and so is a link to a folder that contains
 * the link (which would loop). Other file systems are searched as they list themselves.
 */
public final class InputDiscovery
{
    private static final Pattern TENANT_ID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final List<String> EXTENSIONS = List.of(".csv", ".json", ".jsonl");

    private InputDiscovery() {}

    /**
     * @param files the export files, sorted by tenant, then name
     * @param problems one message per path, folder or file that was skipped, and why
     */
    public record Discovered(List<InputFile> files, List<String> problems)
    {
        public Discovered
        {
            files = List.copyOf(files);
            problems = List.copyOf(problems);
        }
    }

    /** Whether {@code text} is a tenant id (a GUID). */
    public static boolean isTenantId(String text)
    {
        return TENANT_ID.matcher(text).matches();
    }

    public static Discovered discover(Configuration configuration, List<String> paths, Optional<String> tenantId)
    {
        requireNonNull(configuration, "configuration is null");
        requireNonNull(paths, "paths is null");
        requireNonNull(tenantId, "tenantId is null");
        if (tenantId.isPresent() && !isTenantId(tenantId.get())) {
            throw new UsageReportException(ErrorCode.USAGE, "Invalid tenant id: '" + tenantId.get() + "'; expected a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47");
        }
        List<InputFile> files = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String named : paths) {
            String display = named.endsWith("/") && named.length() > 1 ? named.substring(0, named.length() - 1) : named;
            try {
                Path path = new Path(named);
                FileSystem fileSystem = path.getFileSystem(configuration);
                FileStatus status = fileSystem.getFileStatus(path);
                Links links = Links.of(fileSystem, path);
                if (tenantId.isPresent()) {
                    collect(fileSystem, links, status, display, tenant(tenantId.get()), files, problems);
                }
                else if (status.isFile()) {
                    String parent = path.getParent() == null ? "" : path.getParent().getName();
                    if (isTenantId(parent)) {
                        collect(fileSystem, links, status, display, tenant(parent), files, problems);
                    }
                    else {
                        problems.add("Skipped " + display + ": cannot tell its tenant; put it in a folder named after the tenant id, or pass --tenant");
                    }
                }
                else if (isTenantId(path.getName())) {
                    collect(fileSystem, links, status, display, tenant(path.getName()), files, problems);
                }
                else {
                    for (FileStatus child : links.listStatus(fileSystem, status, display, problems)) {
                        String name = child.getPath().getName();
                        String childDisplay = display + "/" + name;
                        if (hidden(name)) {
                            continue;
                        }
                        Optional<String> linkProblem = links.problem(child, childDisplay);
                        if (linkProblem.isPresent()) {
                            problems.add(linkProblem.get());
                        }
                        else if (child.isDirectory() && isTenantId(name)) {
                            collect(fileSystem, links, child, childDisplay, tenant(name), files, problems);
                        }
                        else if (child.isDirectory()) {
                            problems.add("Skipped folder " + childDisplay + ": its name is not a tenant id (a GUID); name it after the tenant, or pass --tenant");
                        }
                        else {
                            problems.add("Skipped " + childDisplay + ": cannot tell its tenant; put it in a folder named after the tenant id, or pass --tenant");
                        }
                    }
                }
            }
            catch (FileNotFoundException e) {
                throw new UsageReportException(ErrorCode.USAGE, "Cannot read input " + display + ": no such file or folder");
            }
            catch (IOException e) {
                throw new UsageReportException(ErrorCode.STORAGE, "Cannot read input " + display + ": " + e.getMessage(), e);
            }
        }
        files.sort(Comparator.comparing(InputFile::tenantId).thenComparing(InputFile::sourceFile));
        return new Discovered(files, problems);
    }

    private static void collect(FileSystem fileSystem, Links links, FileStatus status, String display, String tenantId,
            List<InputFile> files, List<String> problems)
            throws IOException
    {
        if (status.isFile()) {
            String name = status.getPath().getName().toLowerCase(Locale.ROOT);
            if (EXTENSIONS.stream().anyMatch(name::endsWith)) {
                files.add(new InputFile(status.getPath().toString(), tenantId, display, status.getLen()));
            }
            else {
                problems.add("Skipped " + display + ": not an export (.csv, .json or .jsonl)");
            }
            return;
        }
        if (!status.isDirectory()) {
            problems.add("Skipped " + display + ": neither a file nor a folder");
            return;
        }
        for (FileStatus child : links.listStatus(fileSystem, status, display, problems)) {
            String name = child.getPath().getName();
            if (hidden(name)) {
                continue;
            }
            String childDisplay = display + "/" + name;
            Optional<String> linkProblem = links.problem(child, childDisplay);
            if (linkProblem.isPresent()) {
                problems.add(linkProblem.get());
            }
            else {
                collect(fileSystem, links, child, childDisplay, tenantId, files, problems);
            }
        }
    }

    private static List<FileStatus> sorted(FileStatus[] statuses)
    {
        List<FileStatus> list = new ArrayList<>(List.of(statuses));
        list.sort(Comparator.comparing(status -> status.getPath().getName()));
        return list;
    }

    /**
     * The links of one named input path on a local disk, checked against the real path of that input. Empty
     * {@code root} means the file system is not local, and nothing is checked.
     */
    private record Links(Optional<java.nio.file.Path> root)
    {
        static Links of(FileSystem fileSystem, Path path)
                throws IOException
        {
            if (!"file".equals(fileSystem.getUri().getScheme())) {
                return new Links(Optional.empty());
            }
            return new Links(Optional.of(local(fileSystem.makeQualified(path)).toRealPath()));
        }

        /**
         * The folder's entries, sorted by name. On a local disk, entries that the file system cannot describe
         * (links whose target is missing) are reported instead of vanishing.
         */
        List<FileStatus> listStatus(FileSystem fileSystem, FileStatus folder, String display, List<String> problems)
                throws IOException
        {
            List<FileStatus> children = sorted(fileSystem.listStatus(folder.getPath()));
            if (root.isPresent()) {
                java.util.Set<String> listed = new java.util.HashSet<>();
                children.forEach(child -> listed.add(child.getPath().getName()));
                List<String> missing = new ArrayList<>();
                try (java.util.stream.Stream<java.nio.file.Path> entries = Files.list(local(folder.getPath()))) {
                    entries.map(entry -> entry.getFileName().toString())
                            .filter(name -> !listed.contains(name) && !hidden(name) && !name.endsWith(".crc"))
                            .forEach(missing::add);
                }
                missing.sort(Comparator.naturalOrder());
                missing.forEach(name -> problems.add("Skipped " + display + "/" + name + ": a link whose target does not exist"));
            }
            return children;
        }

        /** Why {@code status} is skipped: a local link leading outside the input, or back to a folder above it. */
        Optional<String> problem(FileStatus status, String display)
                throws IOException
        {
            if (root.isEmpty()) {
                return Optional.empty();
            }
            java.nio.file.Path path = local(status.getPath());
            if (!Files.isSymbolicLink(path)) {
                return Optional.empty();
            }
            java.nio.file.Path target;
            try {
                target = path.toRealPath();
            }
            catch (NoSuchFileException e) {
                return Optional.of("Skipped " + display + ": a link whose target does not exist");
            }
            if (!target.startsWith(root.get())) {
                return Optional.of("Skipped " + display + ": a link leading outside the input folder");
            }
            if (Files.isDirectory(target) && path.getParent().toRealPath().startsWith(target)) {
                return Optional.of("Skipped " + display + ": a link to a folder that contains it (it would loop)");
            }
            return Optional.empty();
        }

        private static java.nio.file.Path local(Path path)
        {
            return Paths.get(path.toUri());
        }
    }

    private static boolean hidden(String name)
    {
        return name.startsWith(".") || name.startsWith("_");
    }

    private static String tenant(String id)
    {
        return id.toLowerCase(Locale.ROOT);
    }
}
