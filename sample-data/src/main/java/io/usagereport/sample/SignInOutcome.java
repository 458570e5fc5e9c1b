package io.usagereport.sample;

/** How a sign-in ended: its error code, the portal's status and Graph's failure reason. */
enum SignInOutcome
{
    SUCCESS(0, "Success", "Other."),
    INVALID_PASSWORD(50126, "Failure", "Error validating credentials due to invalid username or password."),
    ACCOUNT_LOCKED(50053, "Failure", "Account is locked because user tried to sign in too many times with an incorrect user ID or password."),
    MFA_REQUIRED(50074, "Interrupted", "Strong Authentication is required."),
    BLOCKED_BY_CONDITIONAL_ACCESS(53003, "Failure", "Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.");

    private final int errorCode;
    private final String status;
    private final String failureReason;

    SignInOutcome(int errorCode, String status, String failureReason)
    {
        this.errorCode = errorCode;
        this.status = status;
        this.failureReason = failureReason;
    }

    int errorCode()
    {
        return errorCode;
    }

    /** The portal's {@code Status}: Success, Failure or Interrupted. */
    String status()
    {
        return status;
    }

    /** Graph's {@code status.failureReason}; Graph writes {@code Other.} for a success. */
    String failureReason()
    {
        return failureReason;
    }

    boolean succeeded()
    {
        return errorCode == 0;
    }
}
