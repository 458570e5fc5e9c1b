package io.usagereport.sample;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens export files with an explicit charset and, when asked, a UTF-8 byte order mark. */
final class OutputFiles
{
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final int BUFFER = 1 << 16;

    private OutputFiles() {}

    static Writer open(Path path, Charset charset, boolean byteOrderMark) throws IOException
    {
        OutputStream stream = Files.newOutputStream(path);
        if (byteOrderMark) {
            if (!charset.equals(StandardCharsets.UTF_8)) {
                stream.close();
                throw new IllegalArgumentException("byte order marks are written for UTF-8 only: " + charset);
            }
            stream.write(UTF8_BOM);
        }
        return new BufferedWriter(new OutputStreamWriter(stream, charset.newEncoder()
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPLACE)
                .replaceWith(new byte[] {'?'})), BUFFER);
    }
}
