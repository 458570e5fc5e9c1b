package io.usagereport.cli;

import org.apache.spark.SparkStageInfo;
import org.apache.spark.SparkStatusTracker;
import org.apache.spark.sql.SparkSession;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on the terminal for the Spark stages under way: tasks done out of tasks, redrawn twice a
 * second. It draws only when standard error is a terminal; in a log, the stages' own one line per step is enough.
 */
final class ProgressBar
        implements AutoCloseable
{
    private static final int WIDTH = 30;
    private static final long PERIOD_MILLIS = 500;

    private final Thread thread;
    private final PrintStream terminal;
    private volatile boolean closed;

    private ProgressBar(SparkSession spark, PrintStream terminal)
    {
        this.terminal = terminal;
        SparkStatusTracker tracker = spark.sparkContext().statusTracker();
        this.thread = new Thread(() -> draw(tracker), "usage-report-progress");
        thread.setDaemon(true);
    }

    /** Starts a bar on standard error when it is a terminal; otherwise one that draws nothing. */
    static ProgressBar start(SparkSession spark)
    {
        ProgressBar bar = new ProgressBar(spark, System.err);
        if (System.console() != null && !"dumb".equals(System.getenv("TERM"))) {
            bar.thread.start();
        }
        return bar;
    }

    private void draw(SparkStatusTracker tracker)
    {
        String last = "";
        while (!closed) {
            String line = render(tracker);
            if (!line.equals(last)) {
                terminal.print("\r" + line + " ".repeat(Math.max(0, last.length() - line.length())));
                terminal.flush();
                last = line;
            }
            try {
                Thread.sleep(PERIOD_MILLIS);
            }
            catch (InterruptedException e) {
                break;
            }
        }
        if (!last.isEmpty()) {
            terminal.print("\r" + " ".repeat(last.length()) + "\r");
            terminal.flush();
        }
    }

    private static String render(SparkStatusTracker tracker)
    {
        int done = 0;
        int total = 0;
        String name = "";
        for (int stageId : tracker.getActiveStageIds()) {
            if (tracker.getStageInfo(stageId).isEmpty()) {
                continue;
            }
            SparkStageInfo stage = tracker.getStageInfo(stageId).get();
            done += stage.numCompletedTasks();
            total += stage.numTasks();
            name = stage.name();
        }
        if (total == 0) {
            return "";
        }
        int filled = (int) ((long) WIDTH * done / total);
        String shortName = name.length() > 40 ? name.substring(0, 40) : name;
        return String.format(Locale.ROOT, "[%s%s] %d/%d tasks  %s", "#".repeat(filled), "-".repeat(WIDTH - filled), done, total, shortName);
    }

    @Override
    public void close()
    {
        closed = true;
        thread.interrupt();
        try {
            thread.join(PERIOD_MILLIS * 2);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
