package io.usagereport.ingest.format;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SignInTimesRangeTest
{
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2000-01-01T00:00:00Z                | 2000-01-01T00:00:00Z
            2000-01-01T09:00:00+09:00           | 2000-01-01T00:00:00Z
            2099-12-31T23:59:59.999999999Z      | 2099-12-31T23:59:59.999999999Z
            2100-01-01T08:59:59+09:00           | 2099-12-31T23:59:59Z
            1/1/2000 12:00:00 AM                | 2000-01-01T00:00:00Z
            """)
    void acceptsTimesInsideTheRange(String text, String expected)
    {
        assertThat(SignInTimes.parse(text)).contains(Instant.parse(expected));
        assertThat(SignInTimes.isInRange(Instant.parse(expected))).isTrue();
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {
            "0001-01-01T00:00:00Z",
            "1601-01-01T00:00:00Z",
            "1970-01-01T00:00:00Z",
            "1999-12-31T23:59:59.999999999Z",
            "2000-01-01T08:59:59+09:00",
            "2100-01-01T00:00:00Z",
            "2099-12-31T23:00:00-01:00",
            "9999-12-31T23:59:59.9999999Z",
            "12/31/9999 11:59:59 PM",
            "9999/12/31 23:59:59",
            "31.12.1899 00:00:00"})
    void rejectsReadableTimesOutsideTheRangeAndSaysWhy(String text)
    {
        assertThat(SignInTimes.parse(text)).isEmpty();
        assertThat(SignInTimes.expected(text))
                .isEqualTo("a time between 2000-01-01T00:00:00Z and 2099-12-31T23:59:59Z (UTC)")
                .isEqualTo(SignInTimes.EXPECTED_RANGE);
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {"", "not-a-date", "2024-02-30T00:00:00Z", "+10000-01-01T00:00:00Z"})
    void unreadableTimesStillExpectAKnownShape(String text)
    {
        assertThat(SignInTimes.parse(text)).isEmpty();
        assertThat(SignInTimes.expected(text)).isEqualTo(SignInTimes.EXPECTED);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"1999-12-31T23:59:59.999999999Z, false", "2000-01-01T00:00:00Z, true", "2099-12-31T23:59:59.999999999Z, true",
            "2100-01-01T00:00:00Z, false"})
    void rangeIsHalfOpen(String instant, boolean inRange)
    {
        assertThat(SignInTimes.isInRange(Instant.parse(instant))).isEqualTo(inRange);
    }
}
