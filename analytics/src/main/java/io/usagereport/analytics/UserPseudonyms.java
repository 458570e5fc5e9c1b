package io.usagereport.analytics;

import io.usagereport.ingest.LakeLayout;
import io.usagereport.ingest.SignInSchema;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.encode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.unhex;

/**
 * Pseudonyms for user names in the analyst marts: {@code "u-"} followed by the lower-case hex of
 * HMAC-SHA256(key, UTF-8 bytes of the name), the name as the marts hold it (lower-case). The same key gives the same
 * pseudonym for the same user in every month, so trends still work; the key is needed to tell who a pseudonym is
 * ({@link #pseudonym(byte[], String)} computes one).
 *
 * <p>In Spark the HMAC is computed with built-in functions (RFC 2104 over {@code sha2}), no user-defined function. The
 * key is never part of a query plan, a log line or a message: its padded forms reach the executors as a one-row
 * broadcast table, which plans show by its column names only.
 *
 * <p>A month of {@link MartSchemas#BASIC_AUTH_BY_USER} written with pseudonyms carries an empty {@value #MARKER} file in
 * its {@code month=<YYYY-MM>} folder; a later write of the month without pseudonyms replaces the folder and so
 * removes it.
 */
public final class UserPseudonyms
{
    /** The shortest key accepted, in bytes. */
    public static final int MINIMUM_KEY_BYTES = 16;
    /** The file in a mart's month folder saying that its user names are pseudonyms (Spark skips {@code _} files). */
    public static final String MARKER = "_PSEUDONYMIZED";
    /** What every pseudonym starts with. */
    public static final String PREFIX = "u-";

    private static final String HMAC_SHA256 = "HmacSHA256";
    private static final String SHA256 = "SHA-256";
    private static final int SHA256_BITS = 256;
    // RFC 2104: B, the block size of the hash, and the inner and outer pads
    private static final int BLOCK_BYTES = 64;
    private static final byte INNER_PAD = 0x36;
    private static final byte OUTER_PAD = 0x5c;
    private static final String INNER_KEY = "__pseudonym_inner_key";
    private static final String OUTER_KEY = "__pseudonym_outer_key";
    private static final StructType KEY_TABLE = new StructType()
            .add(INNER_KEY, DataTypes.BinaryType, false)
            .add(OUTER_KEY, DataTypes.BinaryType, false);

    private final byte[] key;

    private UserPseudonyms(byte[] key)
    {
        this.key = key;
    }

    /**
     * Pseudonyms under {@code key} (copied).
     *
     * @throws IllegalArgumentException when the key is shorter than {@value #MINIMUM_KEY_BYTES} bytes
     */
    public static UserPseudonyms withKey(byte[] key)
    {
        requireNonNull(key, "key is null");
        if (key.length < MINIMUM_KEY_BYTES) {
            throw new IllegalArgumentException("Invalid pseudonym key: " + key.length + " bytes; expected at least " + MINIMUM_KEY_BYTES);
        }
        return new UserPseudonyms(key.clone());
    }

    /**
     * The pseudonym of one user name under {@code key}, as the marts hold it: for looking a user up, or checking.
     * The name is taken as given; the marts' names are lower-case.
     */
    public static String pseudonym(byte[] key, String userPrincipalName)
    {
        requireNonNull(key, "key is null");
        requireNonNull(userPrincipalName, "userPrincipalName is null");
        try {
            Mac mac = Mac.getInstance(HMAC_SHA256);
            mac.init(new SecretKeySpec(key, HMAC_SHA256));
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(userPrincipalName.getBytes(StandardCharsets.UTF_8)));
        }
        catch (GeneralSecurityException e) {
            // every Java runtime has HmacSHA256; the exception (never the key) is all there is to report
            throw new IllegalStateException("Cannot compute HMAC-SHA256: " + e.getMessage(), e);
        }
    }

    /** {@code rows} with the string column {@code column} replaced by its pseudonym, in place; nulls stay null. */
    Dataset<Row> replace(SparkSession spark, Dataset<Row> rows, String column)
    {
        requireNonNull(spark, "spark is null");
        requireNonNull(rows, "rows is null");
        requireNonNull(column, "column is null");
        byte[] blockKey = blockKey();
        Dataset<Row> keys = spark.createDataFrame(List.of(RowFactory.create(pad(blockKey, INNER_PAD), pad(blockKey, OUTER_PAD))), KEY_TABLE);
        Column inner = sha2(concat(col(INNER_KEY), encode(col(column), StandardCharsets.UTF_8.name())), SHA256_BITS);
        Column outer = sha2(concat(col(OUTER_KEY), unhex(inner)), SHA256_BITS);
        return rows.crossJoin(broadcast(keys))
                .withColumn(column, concat(lit(PREFIX), outer))
                .drop(INNER_KEY, OUTER_KEY);
    }

    /** The {@link MartSchemas#BASIC_AUTH_BY_USER} rows with pseudonyms for user names and no display names. */
    Dataset<Row> pseudonymizeUsers(SparkSession spark, Dataset<Row> byUser)
    {
        return replace(spark, byUser, MartSchemas.USER_PRINCIPAL_NAME)
                .withColumn(MartSchemas.USER_DISPLAY_NAME, lit(null).cast(DataTypes.StringType));
    }

    /** Where the {@value #MARKER} file of a month of {@link MartSchemas#BASIC_AUTH_BY_USER} goes. */
    static String marker(LakeLayout lake, YearMonth month)
    {
        return lake.mart(MartSchemas.BASIC_AUTH_BY_USER.name()) + "/" + SignInSchema.MONTH + "=" + month + "/" + MARKER;
    }

    @Override
    public String toString()
    {
        return "UserPseudonyms[HMAC-SHA256, key not shown]";
    }

    /** RFC 2104: a key longer than the block is hashed first; then it is padded with zeros to the block. */
    private byte[] blockKey()
    {
        byte[] shortened = key;
        if (key.length > BLOCK_BYTES) {
            try {
                shortened = MessageDigest.getInstance(SHA256).digest(key);
            }
            catch (GeneralSecurityException e) {
                throw new IllegalStateException("Cannot compute SHA-256: " + e.getMessage(), e);
            }
        }
        return Arrays.copyOf(shortened, BLOCK_BYTES);
    }

    private static byte[] pad(byte[] blockKey, byte pad)
    {
        byte[] padded = new byte[blockKey.length];
        for (int index = 0; index < blockKey.length; index++) {
            padded[index] = (byte) (blockKey[index] ^ pad);
        }
        return padded;
    }
}
