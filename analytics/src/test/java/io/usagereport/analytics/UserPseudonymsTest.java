package io.usagereport.analytics;

import io.usagereport.ingest.testing.TestingSpark;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserPseudonymsTest
{
    private static final String ID = "id";
    private static final String NAME = "name";
    private static final StructType NAMES = new StructType()
            .add(ID, DataTypes.IntegerType, false)
            .add(NAME, DataTypes.StringType, true);
    private static final List<String> VALUES = List.of("alice@contoso.com", "山田太郎@contoso.co.jp", "", "x".repeat(200));

    private final SparkSession spark = TestingSpark.session();

    @Test
    void sparkColumnIsHmacSha256OfTheUtf8NameForKeysOfEveryLength()
    {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        keys.put("16 bytes", "0123456789abcdef".getBytes(StandardCharsets.UTF_8));
        keys.put("the 64-byte block exactly", bytes(64, 0x0b));
        keys.put("longer than the block, hashed first", bytes(131, 0xaa));
        keys.put("non-ASCII", "鍵は秘密にしておくこと-ключ".getBytes(StandardCharsets.UTF_8));
        keys.put("with a zero byte", new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 0});

        for (Map.Entry<String, byte[]> key : keys.entrySet()) {
            List<String> expected = new ArrayList<>();
            for (String value : VALUES) {
                expected.add("u-" + hmacSha256(key.getValue(), value));
            }
            assertThat(sparkPseudonyms(key.getValue(), VALUES)).as(key.getKey()).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void javaMethodGivesTheSparkColumnsPseudonym()
    {
        byte[] key = "the key of this test, 33 bytes..".getBytes(StandardCharsets.UTF_8);

        List<String> expected = VALUES.stream().map(value -> UserPseudonyms.pseudonym(key, value)).toList();

        assertThat(sparkPseudonyms(key, VALUES)).containsExactlyElementsOf(expected);
    }

    @Test
    void pseudonymIsTheRfc4231ValueForAKeyLongerThanTheBlock()
    {
        // RFC 4231, test case 6
        assertThat(UserPseudonyms.pseudonym(bytes(131, 0xaa), "Test Using Larger Than Block-Size Key - Hash Key First"))
                .isEqualTo("u-60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    }

    @Test
    void nullNamesStayNull()
    {
        List<Row> rows = List.of(RowFactory.create(1, null));

        Dataset<Row> replaced = UserPseudonyms.withKey(bytes(16, 1)).replace(spark, spark.createDataFrame(rows, NAMES), NAME);

        assertThat(replaced.collectAsList()).containsExactly(RowFactory.create(1, null));
    }

    @Test
    void theKeyIsNotInTheQueryPlan()
    {
        byte[] key = "a key that must not show in plans".getBytes(StandardCharsets.UTF_8);
        Dataset<Row> replaced = UserPseudonyms.withKey(key)
                .replace(spark, spark.createDataFrame(List.of(RowFactory.create(1, "alice@contoso.com")), NAMES), NAME);
        replaced.collectAsList();

        String plans = replaced.queryExecution().toString() + replaced.queryExecution().executedPlan().toString();

        assertThat(plans.toLowerCase(Locale.ROOT))
                .contains("__pseudonym_inner_key")
                .doesNotContain(HexFormat.of().formatHex(key))
                .doesNotContain(HexFormat.of().formatHex(xor(Arrays.copyOf(key, 64), 0x36)))
                .doesNotContain(HexFormat.of().formatHex(xor(Arrays.copyOf(key, 64), 0x5c)))
                .doesNotContain(HexFormat.of().formatHex(xor(Arrays.copyOf(key, 64), 0x36)).substring(0, 16));
        assertThat(plans).doesNotContain("a key that must not show");
        assertThat(UserPseudonyms.withKey(key).toString()).isEqualTo("UserPseudonyms[HMAC-SHA256, key not shown]");
    }

    @Test
    void keysShorterThanSixteenBytesAreRefused()
    {
        assertThatThrownBy(() -> UserPseudonyms.withKey(bytes(15, 0x61)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Invalid pseudonym key: 15 bytes; expected at least 16");
    }

    private List<String> sparkPseudonyms(byte[] key, List<String> values)
    {
        List<Row> rows = new ArrayList<>();
        for (int index = 0; index < values.size(); index++) {
            rows.add(RowFactory.create(index, values.get(index)));
        }
        Dataset<Row> replaced = UserPseudonyms.withKey(key).replace(spark, spark.createDataFrame(rows, NAMES), NAME);
        assertThat(replaced.columns()).containsExactly(ID, NAME);
        return replaced.orderBy(ID).collectAsList().stream().map(row -> row.getString(1)).toList();
    }

    private static String hmacSha256(byte[] key, String value)
    {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        }
        catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] bytes(int length, int value)
    {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    private static byte[] xor(byte[] bytes, int pad)
    {
        byte[] result = new byte[bytes.length];
        for (int index = 0; index < bytes.length; index++) {
            result[index] = (byte) (bytes[index] ^ pad);
        }
        return result;
    }
}
