package io.usagereport.cli;

import io.usagereport.analytics.UserPseudonyms;
import io.usagereport.ingest.LakeLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.time.YearMonth;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {
                "Aggregates one month of the lake's sign-ins into the Basic-auth marts (LAKE/marts/<mart>/month=YYYY-MM/):",
                "basic_auth_by_protocol, basic_auth_by_user, tenant_summary, basic_auth_report_lines, basic_auth_trend.",
                "Re-running a month replaces exactly that month.",
                "With --pseudonymize-users, basic_auth_by_user holds keyed hashes of the user names instead of the names."})
final class AnalyzeCommand
        implements Callable<Integer>
{
    @Spec
    CommandSpec spec;

    @ParentCommand
    UsageReport parent;

    @Option(names = "--lake", required = true, paramLabel = "DIR", description = "The lake: a folder or a Hadoop URI")
    String lake;

    @Option(names = "--month", required = true, paramLabel = "YYYY-MM", description = "The month to aggregate (UTC)")
    YearMonth month;

    @Mixin
    PseudonymOptions pseudonymOptions;

    @Mixin
    SparkOptions sparkOptions;

    @Override
    public Integer call()
    {
        // before Spark starts: a missing key is a usage error, not a failed job
        Optional<UserPseudonyms> pseudonyms = pseudonymOptions.pseudonyms(parent.environment());
        try (SparkOptions.Spark spark = sparkOptions.open("analyze");
                ProgressBar progress = ProgressBar.start(spark.session())) {
            Stages.analyze(spark.session(), new LakeLayout(lake), month, pseudonyms, spec.commandLine().getOut());
            return ExitCodes.OK;
        }
    }
}
