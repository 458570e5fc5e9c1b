package io.usagereport.ingest.format.csv;

/** The problem texts that CSV readers put into rejects, shared so that the same fault reads the same everywhere. */
public final class CsvProblems
{
    public static final String WRONG_CELL_COUNT = "Wrong number of cells";
    public static final String MISSING_SIGN_IN_ID = "Missing sign-in id";
    public static final String MISSING_TIME = "Missing sign-in time";
    public static final String INVALID_TIME = "Invalid sign-in time";
    public static final String MISSING_USER = "Missing user principal name";
    public static final String MISSING_STATUS = "Missing sign-in status";
    public static final String INVALID_STATUS = "Invalid sign-in status";
    public static final String MISSING_ERROR_CODE = "Missing sign-in error code";
    public static final String INVALID_ERROR_CODE = "Invalid sign-in error code";
    public static final String INVALID_LOCATION = "Invalid sign-in location";

    /** What an error code must look like. */
    public static final String EXPECTED_ERROR_CODE = "an integer such as 50126 (0 means success)";

    private CsvProblems() {}
}
