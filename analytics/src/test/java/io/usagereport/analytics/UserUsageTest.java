package io.usagereport.analytics;

import io.usagereport.ingest.SignInSchema;
import io.usagereport.ingest.testing.TestingSpark;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.usagereport.analytics.TestingSignIns.T1;
import static io.usagereport.analytics.TestingSignIns.T2;
import static io.usagereport.analytics.TestingSignIns.signIn;
import static io.usagereport.ingest.Protocol.IMAP;
import static io.usagereport.ingest.Protocol.MODERN;
import static io.usagereport.ingest.Protocol.POP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link UserUsage#aggregate}: the per-user figures, in particular which user agent and display name a row names
 * when a user's sign-ins disagree.
 */
class UserUsageTest
{
    // tenant | user | protocol | requests | successful | failed | first_seen | last_seen | distinct_ips | top_user_agent | display name

    @Test
    void topUserAgentAndDisplayNameAreTheOnesInMostSignInsNotInMostAddresses()
    {
        List<Row> signIns = List.of(
                // three sign-ins from one address with "Mail/1" and "Ann A"
                signIn().user("ann@x.com").protocol(IMAP).at("2022-09-01T10:00:00Z").ip("10.0.0.1").userAgent("Mail/1").displayName("Ann A").build(),
                signIn().user("ann@x.com").protocol(IMAP).at("2022-09-02T10:00:00Z").ip("10.0.0.1").userAgent("Mail/1").displayName("Ann A").build(),
                signIn().user("ann@x.com").protocol(IMAP).failed().at("2022-09-03T10:00:00Z").ip("10.0.0.1").userAgent("Mail/1").displayName("Ann A").build(),
                // two sign-ins from two other addresses with "Mail/2" and "Ann B"
                signIn().user("ann@x.com").protocol(IMAP).at("2022-09-04T10:00:00Z").ip("10.0.0.2").userAgent("Mail/2").displayName("Ann B").build(),
                signIn().user("ann@x.com").protocol(IMAP).at("2022-09-05T10:00:00Z").ip("10.0.0.3").userAgent("Mail/2").displayName("Ann B").build());

        assertThat(aggregate(signIns)).containsExactly(
                "T1 | ann@x.com | IMAP | 5 | 4 | 1 | 2022-09-01T10:00:00Z | 2022-09-05T10:00:00Z | 3 | Mail/1 | Ann A");
    }

    @Test
    void equallyFrequentValuesGoToTheLowestAndMissingValuesAreNotCounted()
    {
        List<Row> signIns = List.of(
                // "b" and "a" once each, no user agent three times; one display name against two missing
                signIn().user("bo@x.com").protocol(POP).at("2022-09-10T10:00:00Z").userAgent("b").build(),
                signIn().user("bo@x.com").protocol(POP).at("2022-09-11T10:00:00Z").userAgent("a").displayName("Bo").build(),
                signIn().user("bo@x.com").protocol(POP).at("2022-09-12T10:00:00Z").build(),
                signIn().user("bo@x.com").protocol(POP).at("2022-09-13T10:00:00Z").build(),
                signIn().user("bo@x.com").protocol(POP).failed().at("2022-09-14T10:00:00Z").build(),
                // "Z" sorts before "a" (binary order): a tie between them goes to "Z"
                signIn().tenant(T2).user("cy@y.com").protocol(POP).at("2022-09-10T10:00:00Z").ip("10.0.0.9").userAgent("a").displayName("cy").build(),
                signIn().tenant(T2).user("cy@y.com").protocol(POP).at("2022-09-11T10:00:00Z").ip("10.0.0.9").userAgent("Z").displayName("Cy").build());

        assertThat(aggregate(signIns)).containsExactly(
                "T1 | bo@x.com | POP | 5 | 4 | 1 | 2022-09-10T10:00:00Z | 2022-09-14T10:00:00Z | 0 | a | Bo",
                "T2 | cy@y.com | POP | 2 | 2 | 0 | 2022-09-10T10:00:00Z | 2022-09-11T10:00:00Z | 1 | Z | Cy");
    }

    @Test
    void rowsAreKeptApartByTenantUserAndProtocolAndModernSignInsAreLeftOut()
    {
        List<Row> signIns = List.of(
                signIn().user("di@x.com").protocol(IMAP).at("2022-09-01T10:00:00Z").ip("10.0.0.1").userAgent("IMAP").build(),
                signIn().user("di@x.com").protocol(POP).at("2022-09-02T10:00:00Z").ip("10.0.0.1").userAgent("POP").build(),
                signIn().tenant(T2).user("di@x.com").protocol(IMAP).failed().at("2022-09-03T10:00:00Z").ip("10.0.0.2").userAgent("other").build(),
                signIn().user("di@x.com").protocol(MODERN).at("2022-09-04T10:00:00Z").ip("10.0.0.3").userAgent("Browser").build());

        assertThat(aggregate(signIns)).containsExactly(
                "T1 | di@x.com | IMAP | 1 | 1 | 0 | 2022-09-01T10:00:00Z | 2022-09-01T10:00:00Z | 1 | IMAP | null",
                "T1 | di@x.com | POP | 1 | 1 | 0 | 2022-09-02T10:00:00Z | 2022-09-02T10:00:00Z | 1 | POP | null",
                "T2 | di@x.com | IMAP | 1 | 0 | 1 | 2022-09-03T10:00:00Z | 2022-09-03T10:00:00Z | 1 | other | null");
    }

    private static List<String> aggregate(List<Row> signIns)
    {
        return TestingMarts.lines(MartWriter.shape(
                        MartSchemas.BASIC_AUTH_BY_USER,
                        UserUsage.aggregate(TestingSpark.session().createDataFrame(signIns, SignInSchema.TABLE)),
                        TestingLakes.SEPTEMBER)
                .drop(SignInSchema.MONTH));
    }
}
