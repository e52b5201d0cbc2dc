package org.gemba;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlCall;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.junit.jupiter.api.Test;

class DatabaseTest {

    /** A SqlObject left out of the warm-up list would silently cost every request that attaches it. */
    @Test
    void sqlObjects_listsEverySqlObjectInterfaceOfTheApplication() throws IOException, URISyntaxException {
        Path classes = Path.of(Database.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> found;
        try (Stream<Path> files = Files.walk(classes.resolve("org/gemba"))) {
            found = files.map(classes::relativize).map(Path::toString).filter(f -> f.endsWith(".class"))
                    .map(f -> f.substring(0, f.length() - ".class".length()).replace('/', '.'))
                    .map(DatabaseTest::load).filter(c -> c.isInterface() && isSqlObject(c)).toList();
        }
        assertThat(found).hasSizeGreaterThan(10);
        assertThat(Database.SQL_OBJECTS).containsExactlyInAnyOrderElementsOf(found);
    }

    private static boolean isSqlObject(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods()).anyMatch(DatabaseTest::isStatement);
    }

    private static boolean isStatement(Method m) {
        return m.isAnnotationPresent(SqlQuery.class) || m.isAnnotationPresent(SqlUpdate.class)
                || m.isAnnotationPresent(SqlBatch.class) || m.isAnnotationPresent(SqlCall.class);
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, DatabaseTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
