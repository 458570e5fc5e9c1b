package io.usagereport.ingest.format;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SignInTimesTest
{
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # ISO-8601 with Z or an offset (portal CSV, Graph, diagnostic settings)
            2025-12-04T08:19:41Z                  | 2025-12-04T08:19:41Z
            2025-12-04t08:19:41z                  | 2025-12-04T08:19:41Z
            2020-07-28T13:50:39.0039859Z          | 2020-07-28T13:50:39.003985900Z
            2024-05-13T15:59:27.123456789Z        | 2024-05-13T15:59:27.123456789Z
            2022-01-24T05:10:08.6816663+00:00     | 2022-01-24T05:10:08.681666300Z
            2019-10-18T04:45:48.0729893-05:00     | 2019-10-18T09:45:48.072989300Z
            2024-05-13T15:59:27+09:00             | 2024-05-13T06:59:27Z
            2022-01-01T00:00+01:00                | 2021-12-31T23:00:00Z
            2022-01-01 10:00:00Z                  | 2022-01-01T10:00:00Z
            # ISO-8601 without a zone: UTC
            2023-07-21 05:03:52.160562400         | 2023-07-21T05:03:52.160562400Z
            2023-07-21T05:03:52                   | 2023-07-21T05:03:52Z
            2023-07-21 05:03                      | 2023-07-21T05:03:00Z
            # Log Analytics display dates
            '4/28/2021, 2:08:45.221 PM'           | 2021-04-28T14:08:45.221Z
            '9/19/2023, 1:50:00.5 PM'             | 2023-09-19T13:50:00.500Z
            '12/31/2021, 12:00:00.000 AM'         | 2021-12-31T00:00:00Z
            '12/31/2021, 12:30:00.000 PM'         | 2021-12-31T12:30:00Z
            # PowerShell culture dates: en-US, ja-JP, en-GB / fr-FR, de-DE
            5/13/2024 3:59:27 PM                  | 2024-05-13T15:59:27Z
            5/13/2024 3:59:27 pm                  | 2024-05-13T15:59:27Z
            05/13/2024 03:59:27 AM                | 2024-05-13T03:59:27Z
            2024/05/13 15:59:27                   | 2024-05-13T15:59:27Z
            2024/5/3 5:09:07                      | 2024-05-03T05:09:07Z
            13/05/2024 15:59:27                   | 2024-05-13T15:59:27Z
            05/06/2024 15:59:27                   | 2024-06-05T15:59:27Z
            13.05.2024 15:59:27                   | 2024-05-13T15:59:27Z
            # surrounding white space
            '  2024-05-13T15:59:27Z  '            | 2024-05-13T15:59:27Z
            # the fast path: Z with 0 to 9 fractional digits
            2024-05-13T15:59:27.5Z                | 2024-05-13T15:59:27.500Z
            2024-05-13T15:59:27.123456789Z        | 2024-05-13T15:59:27.123456789Z
            """)
    void readsKnownShapes(String text, String expected)
    {
        assertThat(SignInTimes.parse(text)).contains(Instant.parse(expected));
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @NullAndEmptySource
    @ValueSource(strings = {
            "   ",
            "not-a-date",
            "1715615967",
            "2024-05-13",
            "2025-13-45T00:00:00Z",
            "2024-02-30T00:00:00Z",
            "2024-05-13T24:00:01Z",
            "2024-05-13T15:59:27.1234567890Z",
            "2024-05-13T15:5a:27Z",
            "2024-05-13T15:59:27+25:00",
            "2/30/2024 1:00:00 PM",
            "5/13/2024 13:59:27 PM",
            "13/13/2024 10:00:00",
            "31.02.2024 07:00:00",
            "2024/13/01 10:00:00",
            "4/28/2021, 2:08:45.221",
            "2024-05-13T15:59:27Z trailing"})
    void rejectsOtherText(String text)
    {
        assertThat(SignInTimes.parse(text)).isEmpty();
    }
}
