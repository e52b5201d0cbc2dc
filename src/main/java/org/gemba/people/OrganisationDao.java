package org.gemba.people;

import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

public interface OrganisationDao {

    @SqlQuery("SELECT id FROM organisations WHERE name = :name")
    Optional<UUID> findByName(String name);

    /** Creates the organisation unless one of that name exists; either way returns its id. */
    @SqlQuery("""
            WITH inserted AS (
                INSERT INTO organisations (name, time_zone) VALUES (:name, :timeZone)
                ON CONFLICT (name) DO NOTHING
                RETURNING id)
            SELECT id FROM inserted
            UNION ALL
            SELECT id FROM organisations WHERE name = :name
            LIMIT 1
            """)
    UUID ensure(String name, String timeZone);
}
