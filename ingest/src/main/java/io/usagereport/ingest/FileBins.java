package io.usagereport.ingest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeMap;

/**
 * Groups the input files into parse tasks of about equal size, the largest first: a month's exports range from a few
 * kilobytes to gigabytes, and tasks of whole files, made by count, leave cores idle while one task reads the big
 * file. Files go one by one, largest first, into the task with the fewest bytes so far (longest processing time
 * first), and the tasks are returned heaviest first, the order Spark starts them in.
 */
final class FileBins
{
    private static final Comparator<InputFile> LARGEST_FIRST = Comparator.comparingLong(InputFile::bytes).reversed()
            .thenComparing(InputFile::tenantId)
            .thenComparing(InputFile::sourceFile);
    private static final Comparator<List<InputFile>> LARGEST_GROUP_FIRST = Comparator.comparingLong(FileBins::bytes).reversed()
            .thenComparing(group -> group.get(0), LARGEST_FIRST);
    private static final Comparator<InputFile> TENANT_THEN_NAME = Comparator.comparing(InputFile::tenantId)
            .thenComparing(InputFile::sourceFile, FileBins::compareUtf8);

    private FileBins() {}

    /**
     * @param maxBins the most tasks to make; each file is a task of its own when there are no more files than this
     * @return at least one file per bin, every file exactly once
     */
    static List<List<InputFile>> balance(List<InputFile> files, int maxBins)
    {
        return balanceGroups(files.stream().map(List::of).toList(), maxBins);
    }

    /**
     * Like {@link #balance}, but all the files of a tenant go to the same task, so the task can keep one row per
     * sign-in by itself. In a task, the files come by tenant, then in the order the lake's deduplication prefers
     * them: by name, compared as Spark compares strings (their UTF-8 bytes).
     */
    static List<List<InputFile>> balanceByTenant(List<InputFile> files, int maxBins)
    {
        Map<String, List<InputFile>> byTenant = new TreeMap<>();
        for (InputFile file : files) {
            byTenant.computeIfAbsent(file.tenantId(), ignored -> new ArrayList<>()).add(file);
        }
        List<List<InputFile>> bins = new ArrayList<>();
        for (List<InputFile> bin : balanceGroups(List.copyOf(byTenant.values()), maxBins)) {
            List<InputFile> ordered = new ArrayList<>(bin);
            ordered.sort(TENANT_THEN_NAME);
            bins.add(List.copyOf(ordered));
        }
        return bins;
    }

    /** The largest share of the input's bytes one tenant has: with {@link #balanceByTenant}, no task can be smaller. */
    static long largestTenantBytes(List<InputFile> files)
    {
        Map<String, Long> bytes = new HashMap<>();
        for (InputFile file : files) {
            bytes.merge(file.tenantId(), file.bytes(), Long::sum);
        }
        return bytes.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    private static List<List<InputFile>> balanceGroups(List<List<InputFile>> groups, int maxBins)
    {
        if (maxBins < 1) {
            throw new IllegalArgumentException("maxBins must be at least 1: " + maxBins);
        }
        List<List<InputFile>> sorted = new ArrayList<>(groups);
        sorted.sort(LARGEST_GROUP_FIRST);
        int count = Math.min(sorted.size(), maxBins);
        List<Bin> bins = new ArrayList<>();
        PriorityQueue<Bin> lightest = new PriorityQueue<>(Comparator.comparingLong(Bin::bytes).thenComparingInt(Bin::index));
        for (int index = 0; index < count; index++) {
            Bin bin = new Bin(index);
            bins.add(bin);
            lightest.add(bin);
        }
        for (List<InputFile> group : sorted) {
            Bin bin = lightest.poll();
            group.forEach(bin::add);
            lightest.add(bin);
        }
        bins.sort(Comparator.comparingLong(Bin::bytes).reversed().thenComparingInt(Bin::index));
        return bins.stream().map(bin -> List.copyOf(bin.files)).toList();
    }

    private static long bytes(List<InputFile> group)
    {
        return group.stream().mapToLong(InputFile::bytes).sum();
    }

    private static int compareUtf8(String left, String right)
    {
        return Arrays.compareUnsigned(left.getBytes(StandardCharsets.UTF_8), right.getBytes(StandardCharsets.UTF_8));
    }

    private static final class Bin
    {
        private final int index;
        private final List<InputFile> files = new ArrayList<>();
        private long bytes;

        Bin(int index)
        {
            this.index = index;
        }

        int index()
        {
            return index;
        }

        long bytes()
        {
            return bytes;
        }

        void add(InputFile file)
        {
            files.add(file);
            bytes += file.bytes();
        }
    }
}
