package io.usagereport.ingest;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import static java.util.Objects.requireNonNull;

/**
 * One sign-in in canonical form, whatever export it came from: a row of the lake's {@code signins} table
 * without its tenant and source columns, which the ingest job adds.
 *
 * <p>Absent values are {@link Optional#empty()}; blank strings from exports are absent too. The user principal
 * name is lower-cased ({@link Locale#ROOT}) because Entra compares it case-insensitively.
 */
public record SignIn(
        String signInId,
        Instant createdAt,
        String userPrincipalName,
        Optional<String> userId,
        Optional<String> userDisplayName,
        Optional<String> clientApp,
        Protocol protocol,
        Optional<String> appDisplayName,
        Optional<String> ipAddress,
        Optional<String> location,
        Optional<String> userAgent,
        boolean succeeded,
        int errorCode,
        Optional<String> failureReason)
{
    public SignIn
    {
        requireNonNull(signInId, "signInId is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(userPrincipalName, "userPrincipalName is null");
        requireNonNull(userId, "userId is null");
        requireNonNull(userDisplayName, "userDisplayName is null");
        requireNonNull(clientApp, "clientApp is null");
        requireNonNull(protocol, "protocol is null");
        requireNonNull(appDisplayName, "appDisplayName is null");
        requireNonNull(ipAddress, "ipAddress is null");
        requireNonNull(location, "location is null");
        requireNonNull(userAgent, "userAgent is null");
        requireNonNull(failureReason, "failureReason is null");
        if (signInId.isBlank()) {
            throw new IllegalArgumentException("signInId is blank");
        }
        if (userPrincipalName.isBlank()) {
            throw new IllegalArgumentException("userPrincipalName is blank");
        }
        userPrincipalName = userPrincipalName.strip().toLowerCase(Locale.ROOT);
    }

    /** Whether the sign-in used Basic (legacy) authentication. */
    public boolean basicAuth()
    {
        return protocol.basicAuth();
    }

    public static Builder builder()
    {
        return new Builder();
    }

    /**
     * Builds a {@link SignIn}; blank strings become absent values, the protocol is derived from the client app
     * with {@link ClientApps}, and {@code succeeded} defaults to {@code errorCode == 0}.
     */
    public static final class Builder
    {
        private String signInId;
        private Instant createdAt;
        private String userPrincipalName;
        private Optional<String> userId = Optional.empty();
        private Optional<String> userDisplayName = Optional.empty();
        private Optional<String> clientApp = Optional.empty();
        private Optional<String> appDisplayName = Optional.empty();
        private Optional<String> ipAddress = Optional.empty();
        private Optional<String> location = Optional.empty();
        private Optional<String> userAgent = Optional.empty();
        private Optional<Boolean> succeeded = Optional.empty();
        private int errorCode;
        private Optional<String> failureReason = Optional.empty();

        private Builder() {}

        public Builder signInId(String signInId)
        {
            this.signInId = signInId;
            return this;
        }

        public Builder createdAt(Instant createdAt)
        {
            this.createdAt = createdAt;
            return this;
        }

        public Builder userPrincipalName(String userPrincipalName)
        {
            this.userPrincipalName = userPrincipalName;
            return this;
        }

        public Builder userId(String userId)
        {
            this.userId = present(userId);
            return this;
        }

        public Builder userDisplayName(String userDisplayName)
        {
            this.userDisplayName = present(userDisplayName);
            return this;
        }

        public Builder clientApp(String clientApp)
        {
            this.clientApp = present(clientApp);
            return this;
        }

        public Builder appDisplayName(String appDisplayName)
        {
            this.appDisplayName = present(appDisplayName);
            return this;
        }

        public Builder ipAddress(String ipAddress)
        {
            this.ipAddress = present(ipAddress);
            return this;
        }

        public Builder location(String location)
        {
            this.location = present(location);
            return this;
        }

        public Builder userAgent(String userAgent)
        {
            this.userAgent = present(userAgent);
            return this;
        }

        public Builder succeeded(boolean succeeded)
        {
            this.succeeded = Optional.of(succeeded);
            return this;
        }

        public Builder errorCode(int errorCode)
        {
            this.errorCode = errorCode;
            return this;
        }

        public Builder failureReason(String failureReason)
        {
            this.failureReason = present(failureReason);
            return this;
        }

        public SignIn build()
        {
            Protocol protocol = ClientApps.map(clientApp).protocol();
            return new SignIn(
                    signInId,
                    createdAt,
                    userPrincipalName,
                    userId,
                    userDisplayName,
                    clientApp,
                    protocol,
                    appDisplayName,
                    ipAddress,
                    location,
                    userAgent,
                    succeeded.orElse(errorCode == 0),
                    errorCode,
                    failureReason);
        }

        private static Optional<String> present(String value)
        {
            if (value == null || value.isBlank()) {
                return Optional.empty();
            }
            return Optional.of(value.strip());
        }
    }
}
