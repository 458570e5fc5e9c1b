package io.usagereport.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

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

    private FileBins() {}

    /**
     * @param maxBins the most tasks to make; each file is a task of its own when there are no more files than this
     * @return at least one file per bin, every file exactly once
     */
    static List<List<InputFile>> balance(List<InputFile> files, int maxBins)
    {
        if (maxBins < 1) {
            throw new IllegalArgumentException("maxBins must be at least 1: " + maxBins);
        }
        List<InputFile> sorted = new ArrayList<>(files);
        sorted.sort(LARGEST_FIRST);
        int count = Math.min(sorted.size(), maxBins);
        List<Bin> bins = new ArrayList<>();
        PriorityQueue<Bin> lightest = new PriorityQueue<>(Comparator.comparingLong(Bin::bytes).thenComparingInt(Bin::index));
        for (int index = 0; index < count; index++) {
            Bin bin = new Bin(index);
            bins.add(bin);
            lightest.add(bin);
        }
        for (InputFile file : sorted) {
            Bin bin = lightest.poll();
            bin.add(file);
            lightest.add(bin);
        }
        bins.sort(Comparator.comparingLong(Bin::bytes).reversed().thenComparingInt(Bin::index));
        return bins.stream().map(bin -> List.copyOf(bin.files)).toList();
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
