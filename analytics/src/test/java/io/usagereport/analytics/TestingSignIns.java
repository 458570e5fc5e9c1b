package io.usagereport.analytics;

import io.usagereport.ingest.Protocol;
import io.usagereport.ingest.SignInSchema;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rows of the lake's {@code signins} table ({@link SignInSchema#TABLE} order, partition columns last) with defaults,
 * so that each test states only what it cares about:
 * {@code signIn().tenant(T1).user("Alice@x.com").protocol(IMAP).failed().at("2022-09-03T10:00:00Z").build()}.
 * The user name is kept as given, so tests can check that the marts compare users case-insensitively.
 */
final class TestingSignIns
{
    static final String T1 = "11111111-1111-1111-1111-111111111111";
    static final String T2 = "22222222-2222-2222-2222-222222222222";
    static final String T3 = "33333333-3333-3333-3333-333333333333";
    static final String T4 = "44444444-4444-4444-4444-444444444444";

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private TestingSignIns() {}

    static Builder signIn()
    {
        return new Builder();
    }

    static final class Builder
    {
        private String tenant = T1;
        private String user = "user@contoso.com";
        private String displayName;
        private Protocol protocol = Protocol.MODERN;
        private boolean succeeded = true;
        private Instant at = Instant.parse("2022-09-15T12:00:00Z");
        private String ipAddress;
        private String userAgent;

        private Builder() {}

        Builder tenant(String tenant)
        {
            this.tenant = tenant;
            return this;
        }

        Builder user(String user)
        {
            this.user = user;
            return this;
        }

        Builder displayName(String displayName)
        {
            this.displayName = displayName;
            return this;
        }

        Builder protocol(Protocol protocol)
        {
            this.protocol = protocol;
            return this;
        }

        Builder failed()
        {
            this.succeeded = false;
            return this;
        }

        Builder at(String instant)
        {
            this.at = Instant.parse(instant);
            return this;
        }

        Builder ip(String ipAddress)
        {
            this.ipAddress = ipAddress;
            return this;
        }

        Builder userAgent(String userAgent)
        {
            this.userAgent = userAgent;
            return this;
        }

        Row build()
        {
            long sequence = SEQUENCE.incrementAndGet();
            return RowFactory.create(
                    String.format(Locale.ROOT, "sign-in-%06d", sequence),
                    at,
                    user,
                    null,
                    displayName,
                    protocol.name(),
                    protocol.name(),
                    protocol.basicAuth(),
                    "Office 365 Exchange Online",
                    ipAddress,
                    null,
                    userAgent,
                    succeeded,
                    succeeded ? 0 : 50126,
                    succeeded ? null : "Invalid username or password.",
                    "test-export.csv",
                    sequence,
                    tenant,
                    YearMonth.from(at.atOffset(ZoneOffset.UTC)).toString());
        }
    }
}
