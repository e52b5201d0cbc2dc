package org.gemba.scale;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Streams rows into one table with PostgreSQL's COPY (text format): orders of magnitude faster
 * than INSERTs, and constant memory however many rows are written.
 */
final class CopyStream implements AutoCloseable {
    private final BufferedWriter out;
    private final PGCopyOutputStream stream;
    private long rows;

    CopyStream(Connection connection, String table, String columns) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        this.stream = new PGCopyOutputStream(pg, "COPY " + table + " (" + columns + ") FROM STDIN", 1 << 16);
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
    }

    /** Writes one row; values are rendered with {@link #text(Object)}. */
    void row(Object... values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.write('\t');
            }
            out.write(text(values[i]));
        }
        out.write('\n');
        rows++;
    }

    long rows() {
        return rows;
    }

    static String text(Object value) {
        if (value == null) {
            return "\\N";
        }
        if (value instanceof String[] array) {
            // generated codes only ([A-Z0-9_]), so no quoting is needed inside the array literal
            return "{" + String.join(",", array) + "}";
        }
        String s = value.toString();
        if (s.indexOf('\\') < 0 && s.indexOf('\t') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
