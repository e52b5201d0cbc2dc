package org.gemba.insight.similarity;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;

/** real[] to and from float[]: sent as an array literal, read through java.sql.Array. */
public final class Vectors {
    private Vectors() {}

    public static String literal(float[] v) {
        StringBuilder sb = new StringBuilder(v.length * 11).append('{');
        for (int i = 0; i < v.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            // a real that small would underflow in PostgreSQL's arithmetic, and means nothing here
            sb.append(Math.abs(v[i]) < 1e-20f ? 0f : v[i]);
        }
        return sb.append('}').toString();
    }

    /** One signed byte per dimension; multiply by the returned scale to get the vector back. */
    public record Quantised(byte[] values, float scale) {
        public static Quantised of(float[] v) {
            float max = 1e-9f;
            for (float x : v) {
                max = Math.max(max, Math.abs(x));
            }
            byte[] out = new byte[v.length];
            for (int i = 0; i < v.length; i++) {
                out[i] = (byte) Math.round(v[i] * 127f / max);
            }
            return new Quantised(out, max / 127f);
        }
    }

    public static float[] read(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) {
            return null;
        }
        Object[] values = (Object[]) array.getArray();
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = ((Number) values[i]).floatValue();
        }
        return out;
    }

    public static final class StoredMapper implements RowMapper<EmbeddingDao.Stored> {
        @Override
        public EmbeddingDao.Stored map(ResultSet rs, StatementContext ctx) throws SQLException {
            return new EmbeddingDao.Stored(rs.getString("type"), rs.getObject("id", java.util.UUID.class),
                    rs.getLong("seq"), rs.getLong("logged_at"), rs.getBytes("embedding_q"),
                    rs.getFloat("embedding_scale"));
        }
    }
}
