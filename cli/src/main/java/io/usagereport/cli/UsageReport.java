package io.usagereport.cli;

import io.usagereport.ingest.UsageReportException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * {@code usage-report}: the monthly Basic-authentication usage report pipeline.
 */
@Command(
        name = "usage-report",
        mixinStandardHelpOptions = true,
        versionProvider = UsageReport.Version.class,
        description = "Turns Microsoft 365 sign-in exports into a Parquet lake, Basic-auth usage marts and monthly Message Center posts.",
        subcommands = {
                DemoCommand.class,
                SampleCommand.class,
                IngestCommand.class,
                AnalyzeCommand.class,
                ReportCommand.class,
                RunCommand.class,
                QueryCommand.class,
                CommandLine.HelpCommand.class,
        })
public final class UsageReport
{
    private final Map<String, String> environment;

    private UsageReport(Map<String, String> environment)
    {
        this.environment = Map.copyOf(requireNonNull(environment, "environment is null"));
    }

    public static void main(String[] args)
    {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.getenv(), args));
    }

    /** Runs the command line in this process's environment, printing to {@code out} and {@code err}, and returns the exit status. */
    static int execute(PrintWriter out, PrintWriter err, String... args)
    {
        return execute(out, err, System.getenv(), args);
    }

    /** Runs the command line as if {@code environment} were the process environment. */
    static int execute(PrintWriter out, PrintWriter err, Map<String, String> environment, String... args)
    {
        return commandLine(out, err, environment).execute(args);
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err, Map<String, String> environment)
    {
        CommandLine commandLine = new CommandLine(new UsageReport(environment));
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            if (exception instanceof UsageReportException failure) {
                line.getErr().println("usage-report: " + failure.getMessage());
                return ExitCodes.of(failure.errorCode());
            }
            line.getErr().println("usage-report: internal error: " + exception);
            exception.printStackTrace(line.getErr());
            return ExitCodes.INTERNAL;
        });
        commandLine.setParameterExceptionHandler((exception, arguments) -> {
            CommandLine failed = exception.getCommandLine();
            failed.getErr().println("usage-report: " + exception.getMessage());
            if (!CommandLine.UnmatchedArgumentException.printSuggestions(exception, failed.getErr())) {
                failed.getErr().println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for more information.");
            }
            return ExitCodes.USAGE_OR_INPUT;
        });
        return commandLine;
    }

    /** The environment variables the commands see: the process's, or a test's. */
    Map<String, String> environment()
    {
        return environment;
    }

    static final class Version
            implements CommandLine.IVersionProvider
    {
        @Override
        public String[] getVersion()
        {
            String version = UsageReport.class.getPackage().getImplementationVersion();
            return new String[] {"usage-report " + (version == null ? "(development build)" : version)};
        }
    }
}
