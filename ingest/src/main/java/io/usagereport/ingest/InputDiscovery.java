package io.usagereport.ingest;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

import java.io.FileNotFoundException;
import java.io.IOException;
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
                if (tenantId.isPresent()) {
                    collect(fileSystem, status, display, tenant(tenantId.get()), files, problems);
                }
                else if (status.isFile()) {
                    String parent = path.getParent() == null ? "" : path.getParent().getName();
                    if (isTenantId(parent)) {
                        collect(fileSystem, status, display, tenant(parent), files, problems);
                    }
                    else {
                        problems.add("Skipped " + display + ": cannot tell its tenant; put it in a folder named after the tenant id, or pass --tenant");
                    }
                }
                else if (isTenantId(path.getName())) {
                    collect(fileSystem, status, display, tenant(path.getName()), files, problems);
                }
                else {
                    for (FileStatus child : sorted(fileSystem.listStatus(path))) {
                        String name = child.getPath().getName();
                        String childDisplay = display + "/" + name;
                        if (hidden(name)) {
                            continue;
                        }
                        if (child.isDirectory() && isTenantId(name)) {
                            collect(fileSystem, child, childDisplay, tenant(name), files, problems);
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

    private static void collect(FileSystem fileSystem, FileStatus status, String display, String tenantId, List<InputFile> files, List<String> problems)
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
        for (FileStatus child : sorted(fileSystem.listStatus(status.getPath()))) {
            String name = child.getPath().getName();
            if (!hidden(name)) {
                collect(fileSystem, child, display + "/" + name, tenantId, files, problems);
            }
        }
    }

    private static List<FileStatus> sorted(FileStatus[] statuses)
    {
        List<FileStatus> list = new ArrayList<>(List.of(statuses));
        list.sort(Comparator.comparing(status -> status.getPath().getName()));
        return list;
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
