package io.usagereport.ingest;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TestSeenSignIns
{
    private static final String GUID = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";

    @Test
    void aSignInIsNewOnlyTheFirstTimeInItsMonth()
    {
        SeenSignIns seen = new SeenSignIns();

        assertThat(seen.add("2022-09", GUID)).isTrue();
        assertThat(seen.add("2022-09", GUID)).isFalse();
        assertThat(seen.add("2022-10", GUID)).isTrue();
        assertThat(seen.add("2022-10", GUID)).isFalse();
    }

    @Test
    void idsAreComparedExactlyAsTheirText()
    {
        SeenSignIns seen = new SeenSignIns();

        assertThat(seen.add("2022-09", GUID)).isTrue();
        // the same GUID in capitals, or in braces, is another id to the lake's deduplication
        assertThat(seen.add("2022-09", GUID.toUpperCase(Locale.ROOT))).isTrue();
        assertThat(seen.add("2022-09", "{" + GUID + "}")).isTrue();
        assertThat(seen.add("2022-09", "s1")).isTrue();
        assertThat(seen.add("2022-09", "s1")).isFalse();
        assertThat(seen.add("2022-09", "S1")).isTrue();
        assertThat(seen.add("2022-09", GUID.toUpperCase(Locale.ROOT))).isFalse();
    }

    @Test
    void guidsThatDifferInAnyDigitAreDifferent()
    {
        SeenSignIns seen = new SeenSignIns();
        assertThat(seen.add("2022-09", GUID)).isTrue();

        for (int index = 0; index < GUID.length(); index++) {
            if (GUID.charAt(index) == '-') {
                continue;
            }
            String other = GUID.substring(0, index) + (GUID.charAt(index) == 'f' ? '0' : 'f') + GUID.substring(index + 1);
            assertThat(seen.add("2022-09", other)).as(other).isTrue();
            assertThat(seen.add("2022-09", other)).as(other).isFalse();
        }
    }

    @Test
    void theAllZeroGuidIsASignInLikeAnyOther()
    {
        SeenSignIns seen = new SeenSignIns();
        String zero = "00000000-0000-0000-0000-000000000000";

        assertThat(seen.add("2022-09", zero)).isTrue();
        assertThat(seen.add("2022-09", zero)).isFalse();
    }

    @Test
    void holdsMoreSignInsThanItsFirstTable()
    {
        SeenSignIns seen = new SeenSignIns();
        int count = 100_000;

        int added = 0;
        for (int index = 0; index < count; index++) {
            added += seen.add("2022-09", new UUID(0x6f1c2a3b4d5e4f60L, index).toString()) ? 1 : 0;
        }
        int addedAgain = 0;
        for (int index = 0; index < count; index++) {
            addedAgain += seen.add("2022-09", new UUID(0x6f1c2a3b4d5e4f60L, index).toString()) ? 1 : 0;
        }

        assertThat(added).isEqualTo(count);
        assertThat(addedAgain).isZero();
    }

    @Test
    void clearingForgetsEverySignIn()
    {
        SeenSignIns seen = new SeenSignIns();
        seen.add("2022-09", GUID);
        seen.add("2022-09", "s1");

        seen.clear();

        assertThat(seen.add("2022-09", GUID)).isTrue();
        assertThat(seen.add("2022-09", "s1")).isTrue();
    }

    @Test
    void onlyTheLowerCaseFormOfAGuidIsCanonical()
    {
        assertThat(SeenSignIns.isCanonicalGuid(GUID)).isTrue();
        assertThat(SeenSignIns.isCanonicalGuid(GUID.toUpperCase(Locale.ROOT))).isFalse();
        assertThat(SeenSignIns.isCanonicalGuid(GUID.replace("-", ""))).isFalse();
        assertThat(SeenSignIns.isCanonicalGuid(GUID.substring(0, 35) + "g")).isFalse();
        assertThat(SeenSignIns.isCanonicalGuid("6f1c2a3b44d5e-4f60-8a7b-9c0d1e2f3a4b")).isFalse();
        assertThat(SeenSignIns.isCanonicalGuid("")).isFalse();
    }
}
