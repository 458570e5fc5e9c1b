package io.usagereport.cli;

import io.usagereport.analytics.UserPseudonyms;
import io.usagereport.ingest.ErrorCode;
import io.usagereport.ingest.UsageReportException;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * Pseudonymised user names in the analyst marts, shared by {@code analyze} and {@code run}. The key comes from the
 * environment variable {@value #KEY_VARIABLE} (its text, UTF-8) or from a file (its bytes, less one trailing line
 * break); never from the command line, where it would show in the shell history and the process list. The key is
 * never printed, logged or written anywhere.
 */
final class PseudonymOptions
{
    /** The environment variable holding the key as text. */
    static final String KEY_VARIABLE = "USAGE_REPORT_PSEUDONYM_KEY";
    static final String KEY_FILE_OPTION = "--pseudonym-key-file";

    private static final String HOW_TO_GIVE_THE_KEY = "set the environment variable " + KEY_VARIABLE + " or pass "
            + KEY_FILE_OPTION + " FILE (at least " + UserPseudonyms.MINIMUM_KEY_BYTES
            + " bytes; keep it secret, and the same every month so that pseudonyms stay the same)";

    @Option(names = "--pseudonymize-users",
            description = {"Write basic_auth_by_user with each user name replaced by a keyed hash (u-<HMAC-SHA256 hex>) and no display names;",
                    "the key: environment variable " + KEY_VARIABLE + " or " + KEY_FILE_OPTION + ". The posts still name users."})
    boolean pseudonymizeUsers;

    @Option(names = KEY_FILE_OPTION, paramLabel = "FILE",
            description = "A file holding the pseudonym key (its bytes, less a trailing line break), instead of " + KEY_VARIABLE)
    Path keyFile;

    /**
     * The pseudonyms to write the marts with; empty without {@code --pseudonymize-users}.
     *
     * @param environment the process environment ({@link System#getenv()})
     * @throws UsageReportException {@link ErrorCode#USAGE} when the key is missing, given twice or too short, or its
     * file cannot be read
     */
    Optional<UserPseudonyms> pseudonyms(Map<String, String> environment)
    {
        Optional<String> variable = Optional.ofNullable(environment.get(KEY_VARIABLE)).filter(value -> !value.isEmpty());
        if (!pseudonymizeUsers) {
            if (keyFile != null) {
                throw new UsageReportException(ErrorCode.USAGE, "Cannot use " + KEY_FILE_OPTION + " without --pseudonymize-users");
            }
            return Optional.empty();
        }
        if (variable.isPresent() && keyFile != null) {
            throw new UsageReportException(ErrorCode.USAGE, "Cannot pseudonymize users: the key is given twice, by the environment variable "
                    + KEY_VARIABLE + " and by " + KEY_FILE_OPTION + "; give one of them");
        }
        if (variable.isPresent()) {
            return Optional.of(withKey(variable.get().getBytes(StandardCharsets.UTF_8), "the environment variable " + KEY_VARIABLE));
        }
        if (keyFile != null) {
            return Optional.of(withKey(readKeyFile(keyFile), "the file " + keyFile));
        }
        throw new UsageReportException(ErrorCode.USAGE, "Cannot pseudonymize users: no key; " + HOW_TO_GIVE_THE_KEY);
    }

    private static UserPseudonyms withKey(byte[] key, String source)
    {
        if (key.length < UserPseudonyms.MINIMUM_KEY_BYTES) {
            throw new UsageReportException(ErrorCode.USAGE, "Invalid pseudonym key in " + source + ": " + key.length
                    + " bytes; expected at least " + UserPseudonyms.MINIMUM_KEY_BYTES);
        }
        return UserPseudonyms.withKey(key);
    }

    private static byte[] readKeyFile(Path file)
    {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        }
        catch (NoSuchFileException e) {
            throw new UsageReportException(ErrorCode.USAGE, "Cannot read the pseudonym key file " + file + ": no such file", e);
        }
        catch (AccessDeniedException e) {
            throw new UsageReportException(ErrorCode.USAGE, "Cannot read the pseudonym key file " + file + ": permission denied", e);
        }
        catch (IOException e) {
            throw new UsageReportException(ErrorCode.USAGE, "Cannot read the pseudonym key file " + file + ": " + e.getMessage(), e);
        }
        // editors end a file with a line break; it is not part of the key
        int length = bytes.length;
        if (length > 0 && bytes[length - 1] == '\n') {
            length--;
            if (length > 0 && bytes[length - 1] == '\r') {
                length--;
            }
        }
        return Arrays.copyOf(bytes, length);
    }
}
