package io.usagereport.cli;

import io.usagereport.ingest.UsageReportException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

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
    public static void main(String[] args)
    {
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line, printing to {@code out} and {@code err}, and returns the exit status. */
    static int execute(PrintWriter out, PrintWriter err, String... args)
    {
        return commandLine(out, err).execute(args);
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err)
    {
        CommandLine commandLine = new CommandLine(new UsageReport());
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
