package io.usagereport.ingest.format;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Tells what the first bytes of a file that is not a text export are, so that the error names the real cause
 * (an image, a ZIP archive, UTF-16 text without a byte order mark) instead of a decoding fault at byte 0.
 */
final class BinaryContent
{
    private record Signature(byte[] bytes, String description)
    {
    }

    private static final List<Signature> SIGNATURES = List.of(
            signature(new int[] {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, "a PNG image"),
            signature(new int[] {'P', 'K', 0x03, 0x04}, "a ZIP archive (an Excel workbook is one; save the sheet as CSV)"),
            signature(new int[] {'P', 'K', 0x05, 0x06}, "an empty ZIP archive"),
            signature(new int[] {0x1F, 0x8B}, "a gzip archive (unpack it first)"),
            signature(new int[] {'%', 'P', 'D', 'F', '-'}, "a PDF document"),
            signature(new int[] {0xFF, 0xD8, 0xFF}, "a JPEG image"),
            signature(new int[] {'G', 'I', 'F', '8'}, "a GIF image"),
            signature(new int[] {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, "an Office 97-2003 document (an .xls workbook is one; save the sheet as CSV)"),
            signature(new int[] {'7', 'z', 0xBC, 0xAF, 0x27, 0x1C}, "a 7-Zip archive (unpack it first)"),
            signature(new int[] {'P', 'A', 'R', '1'}, "a Parquet file"));

    private BinaryContent() {}

    /** What kind of binary file {@code head} starts, or empty when it starts with no known binary signature. */
    static Optional<String> knownSignature(byte[] head)
    {
        for (Signature signature : SIGNATURES) {
            if (startsWith(head, signature.bytes())) {
                return Optional.of(signature.description());
            }
        }
        return Optional.empty();
    }

    /**
     * The UTF-16 character set {@code head} looks like when it is UTF-16 text without a byte order mark: most
     * characters of export headers are ASCII, so every other byte is zero (the odd ones in UTF-16LE, the even ones
     * in UTF-16BE). Empty when the zero bytes do not follow that pattern.
     */
    static Optional<String> utf16WithoutBom(byte[] head)
    {
        int pairs = Math.min(head.length, 4096) / 2;
        if (pairs < 4) {
            return Optional.empty();
        }
        int zeroEven = 0;
        int zeroOdd = 0;
        for (int index = 0; index < pairs * 2; index += 2) {
            if (head[index] == 0) {
                zeroEven++;
            }
            if (head[index + 1] == 0) {
                zeroOdd++;
            }
        }
        if (zeroOdd * 10 >= pairs * 7 && zeroEven * 10 <= pairs) {
            return Optional.of(StandardCharsets.UTF_16LE.name());
        }
        if (zeroEven * 10 >= pairs * 7 && zeroOdd * 10 <= pairs) {
            return Optional.of(StandardCharsets.UTF_16BE.name());
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] head, byte[] prefix)
    {
        if (head.length < prefix.length) {
            return false;
        }
        for (int index = 0; index < prefix.length; index++) {
            if (head[index] != prefix[index]) {
                return false;
            }
        }
        return true;
    }

    private static Signature signature(int[] values, String description)
    {
        byte[] bytes = new byte[values.length];
        for (int index = 0; index < values.length; index++) {
            bytes[index] = (byte) values[index];
        }
        return new Signature(bytes, description);
    }
}
