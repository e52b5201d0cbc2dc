package org.gemba.common;

import java.lang.reflect.Type;
import java.sql.Types;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.generic.GenericTypes;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.mapper.ColumnMapperFactory;

/** Binds typed ids as uuid parameters and maps uuid columns back to typed ids. */
public final class IdJdbiSupport {
    private IdJdbiSupport() {}

    public static void install(org.jdbi.v3.core.Jdbi jdbi) {
        jdbi.registerArgument(new IdArgumentFactory());
        jdbi.registerColumnMapper(new IdColumnMapperFactory());
    }

    static final class IdArgumentFactory extends AbstractArgumentFactory<Id> {
        IdArgumentFactory() {
            super(Types.OTHER);
        }

        @Override
        protected Argument build(Id value, ConfigRegistry config) {
            return (position, statement, ctx) -> statement.setObject(position, value.value());
        }
    }

    static final class IdColumnMapperFactory implements ColumnMapperFactory {
        @Override
        public Optional<ColumnMapper<?>> build(Type type, ConfigRegistry config) {
            Class<?> raw = GenericTypes.getErasedType(type);
            if (!Id.class.isAssignableFrom(raw) || !raw.isRecord()) {
                return Optional.empty();
            }
            try {
                var ctor = raw.getDeclaredConstructor(UUID.class);
                return Optional.of((rs, column, ctx) -> {
                    UUID uuid = (UUID) rs.getObject(column);
                    try {
                        return uuid == null ? null : ctor.newInstance(uuid);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                });
            } catch (NoSuchMethodException e) {
                return Optional.empty();
            }
        }
    }
}
