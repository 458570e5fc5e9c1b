package io.usagereport.analytics;

import io.usagereport.ingest.LakeLayout;
import io.usagereport.ingest.testing.TestingSpark;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static io.usagereport.analytics.TestingLakes.AUGUST;
import static io.usagereport.analytics.TestingLakes.SEPTEMBER;
import static org.assertj.core.api.Assertions.assertThat;

class PseudonymizedMartsTest
{
    private static final byte[] KEY = "a key kept the same every month".getBytes(StandardCharsets.UTF_8);
    private static final byte[] OTHER_KEY = "another key, another set of pseudonyms".getBytes(StandardCharsets.UTF_8);
    // the user part of every name in TestingLakes.sampleSignIns(), and the one display name
    private static final List<String> USER_NAMES = List.of(
            "alice", "bob", "carol", "dave", "erin", "frank", "gina", "ivan", "heidi", "judy", "karl", "alice l");

    private static LakeLayout pseudonymized;

    private final SparkSession spark = TestingSpark.session();
    private final LakeLayout plain = TestingLakes.analyzedSample();

    @BeforeAll
    static void analyzeWithPseudonyms()
    {
        pseudonymized = new LakeLayout(TestingLakes.temporaryFolder("pseudonymized-lake").toString());
        TestingLakes.writeSignIns(pseudonymized, TestingLakes.sampleSignIns());
        BasicAuthMarts marts = BasicAuthMarts.forLake(TestingSpark.session(), pseudonymized).pseudonymizeUsers(UserPseudonyms.withKey(KEY));
        marts.month(AUGUST).run();
        marts.month(SEPTEMBER).run();
    }

    @Test
    void byUserHasThePlainMartsRowsWithPseudonymsAndNoDisplayNames()
    {
        List<String> expected = new ArrayList<>();
        for (String line : TestingMarts.lines(plain, MartSchemas.BASIC_AUTH_BY_USER, SEPTEMBER)) {
            List<String> cells = new ArrayList<>(List.of(line.split(" \\| ", -1)));
            cells.set(1, UserPseudonyms.pseudonym(KEY, cells.get(1)));
            cells.set(cells.size() - 1, "null");
            expected.add(String.join(" | ", cells));
        }
        expected.sort(null);

        assertThat(TestingMarts.lines(pseudonymized, MartSchemas.BASIC_AUTH_BY_USER, SEPTEMBER))
                .hasSize(11)
                .isEqualTo(expected)
                .contains("T1 | " + UserPseudonyms.pseudonym(KEY, "alice@x.com")
                        + " | IMAP | 3 | 2 | 1 | 2022-09-03T10:00:00Z | 2022-09-05T10:00:00Z | 2 | Thunderbird | null");
    }

    @Test
    void otherMartsAreTheSameAsWithoutPseudonyms()
    {
        for (MartSchema mart : MartSchemas.ALL) {
            if (mart.equals(MartSchemas.BASIC_AUTH_BY_USER)) {
                continue;
            }
            assertThat(TestingMarts.lines(pseudonymized, mart, SEPTEMBER)).as(mart.name())
                    .isNotEmpty()
                    .isEqualTo(TestingMarts.lines(plain, mart, SEPTEMBER));
        }
    }

    @Test
    void noMartFileHoldsAUserNameOrDisplayNameOfTheInput()
    {
        Set<String> values = new TreeSet<>();
        for (MartSchema mart : MartSchemas.ALL) {
            for (Row row : spark.read().parquet(pseudonymized.mart(mart.name())).collectAsList()) {
                for (int index = 0; index < row.length(); index++) {
                    if (!row.isNullAt(index)) {
                        values.add(String.valueOf(row.get(index)).toLowerCase(Locale.ROOT));
                    }
                }
            }
        }

        assertThat(values).contains("thunderbird", "2022-08", "2022-09");
        assertThat(values).filteredOn(value -> value.startsWith("u-")).hasSize(10);
        for (String name : USER_NAMES) {
            assertThat(values).as(name).noneMatch(value -> value.contains(name));
        }
    }

    @Test
    void aUserHasTheSamePseudonymInEveryMonth()
    {
        String alice = UserPseudonyms.pseudonym(KEY, "alice@x.com");

        assertThat(TestingMarts.lines(pseudonymized, MartSchemas.BASIC_AUTH_BY_USER, AUGUST))
                .anyMatch(line -> line.startsWith("T1 | " + alice + " | IMAP | 1 |"));
        assertThat(TestingMarts.lines(pseudonymized, MartSchemas.BASIC_AUTH_BY_USER, SEPTEMBER))
                .anyMatch(line -> line.startsWith("T1 | " + alice + " | IMAP | 3 |"));
    }

    @Test
    void theMonthFolderIsMarkedAndTheLakeTellsItsUsersAreNamedFromSignIns()
    {
        LakeTables tables = LakeTables.forLake(spark, pseudonymized);

        assertThat(Path.of(pseudonymized.mart(MartSchemas.BASIC_AUTH_BY_USER.name()), "month=2022-09", "_PSEUDONYMIZED")).isEmptyFile();
        assertThat(Path.of(pseudonymized.mart(MartSchemas.BASIC_AUTH_BY_PROTOCOL.name()), "month=2022-09", "_PSEUDONYMIZED")).doesNotExist();
        assertThat(tables.usersPseudonymized(SEPTEMBER)).isTrue();
        assertThat(LakeTables.forLake(spark, plain).usersPseudonymized(SEPTEMBER)).isFalse();
        assertThat(TestingMarts.lines(tables.usersWithNames(SEPTEMBER).drop(MartSchemas.MONTH)))
                .isEqualTo(TestingMarts.lines(plain, MartSchemas.BASIC_AUTH_BY_USER, SEPTEMBER));
        // names and types; nullability is the files' business
        assertThat(tables.usersWithNames(SEPTEMBER).schema().simpleString())
                .isEqualTo(tables.mart(MartSchemas.BASIC_AUTH_BY_USER, SEPTEMBER).schema().simpleString());
    }

    @Test
    void anotherKeyGivesOtherPseudonymsAndAPlainRerunBringsBackTheNamesAndRemovesTheMarker()
    {
        LakeLayout lake = new LakeLayout(TestingLakes.temporaryFolder("rekeyed-lake").toString());
        TestingLakes.writeSignIns(lake, TestingLakes.sampleSignIns());
        Path marker = Path.of(lake.mart(MartSchemas.BASIC_AUTH_BY_USER.name()), "month=2022-09", "_PSEUDONYMIZED");

        BasicAuthMarts.forLake(spark, lake).month(SEPTEMBER).pseudonymizeUsers(UserPseudonyms.withKey(OTHER_KEY)).run();

        Set<String> users = users(lake);
        assertThat(users).hasSize(7).contains(UserPseudonyms.pseudonym(OTHER_KEY, "alice@x.com"));
        assertThat(users).doesNotContainAnyElementsOf(users(pseudonymized));
        assertThat(marker).isEmptyFile();

        BasicAuthMarts.forLake(spark, lake).month(SEPTEMBER).run();

        assertThat(marker).doesNotExist();
        assertThat(LakeTables.forLake(spark, lake).usersPseudonymized(SEPTEMBER)).isFalse();
        assertThat(TestingMarts.lines(lake, MartSchemas.BASIC_AUTH_BY_USER, SEPTEMBER))
                .isEqualTo(TestingMarts.lines(plain, MartSchemas.BASIC_AUTH_BY_USER, SEPTEMBER));
    }

    private static Set<String> users(LakeLayout lake)
    {
        Set<String> users = new TreeSet<>();
        for (Row row : TestingMarts.read(lake, MartSchemas.BASIC_AUTH_BY_USER, SEPTEMBER).select(MartSchemas.USER_PRINCIPAL_NAME).collectAsList()) {
            users.add(row.getString(0));
        }
        return users;
    }
}
