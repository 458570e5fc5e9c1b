package io.usagereport.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

class TestSparkOptions
{
    @AfterEach
    void forgetSparkSubmit()
    {
        System.clearProperty("spark.master");
    }

    @Test
    void withoutAMasterSparkRunsInsideTheProcess()
    {
        assertThat(parse().master()).isEqualTo("local[*]");
    }

    @Test
    void underSparkSubmitItsMasterIsKept()
    {
        System.setProperty("spark.master", "yarn");

        assertThat(parse().master()).isEqualTo("yarn");
    }

    @Test
    void theMasterOptionWins()
    {
        System.setProperty("spark.master", "yarn");

        assertThat(parse("--master", "spark://127.0.0.1:7077").master()).isEqualTo("spark://127.0.0.1:7077");
    }

    private static SparkOptions parse(String... args)
    {
        SparkOptions options = new SparkOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }
}
