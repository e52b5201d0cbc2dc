package org.gemba.people;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

@RegisterConstructorMapper(UserRow.class)
public interface UserDao {

    String COLUMNS = """
            id, org_id, email, name, roles, grade, directorate, fte, start_date, end_date, trainings, active,
            password_hash IS NOT NULL AS has_password, version, created_at, updated_at
            """;

    @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE org_id = :orgId AND id = :id")
    Optional<UserRow> find(UUID orgId, UUID id);

    @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE org_id = :orgId AND id = :id FOR UPDATE")
    Optional<UserRow> lock(UUID orgId, UUID id);

    @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE org_id = :orgId AND lower(email) = lower(:email)")
    Optional<UserRow> findByEmail(UUID orgId, String email);

    @SqlQuery("SELECT EXISTS (SELECT 1 FROM users WHERE lower(email) = lower(:email) AND id <> coalesce(CAST(:exceptId AS uuid), '00000000-0000-0000-0000-000000000000'))")
    boolean emailTaken(String email, UUID exceptId);

    @SqlQuery("""
            INSERT INTO users (org_id, email, name, password_hash, roles, grade, directorate, fte,
                               start_date, end_date, trainings)
            VALUES (:orgId, :email, :name, :passwordHash, :roles, :grade, :directorate, coalesce(:fte, 1),
                    :startDate, :endDate, :trainings)
            RETURNING\s""" + COLUMNS)
    UserRow insert(UUID orgId, String email, String name, String passwordHash, String[] roles, String grade,
                   String directorate, BigDecimal fte, LocalDate startDate, LocalDate endDate, String[] trainings);

    @SqlQuery("""
            UPDATE users SET email = :email, name = :name, roles = :roles, grade = :grade, directorate = :directorate,
                   fte = :fte, start_date = :startDate, end_date = :endDate, trainings = :trainings, active = :active,
                   version = version + 1, updated_at = now()
             WHERE org_id = :orgId AND id = :id
            RETURNING\s""" + COLUMNS)
    UserRow update(UUID orgId, UUID id, String email, String name, String[] roles, String grade, String directorate,
                   BigDecimal fte, LocalDate startDate, LocalDate endDate, String[] trainings, boolean active);

    @SqlUpdate("UPDATE users SET password_hash = :passwordHash WHERE org_id = :orgId AND id = :id")
    void setPasswordHash(UUID orgId, UUID id, String passwordHash);

    /** Sorted by name, then id as the tie-breaker; {@code q} matches name or e-mail. */
    @SqlQuery("""
            SELECT\s""" + COLUMNS + """
              FROM users
             WHERE org_id = :orgId
               AND (CAST(:role AS text) IS NULL OR roles @> ARRAY[CAST(:role AS text)])
               AND (CAST(:q AS text) IS NULL OR name ILIKE :pattern OR email ILIKE :pattern)
               AND (CAST(:afterName AS text) IS NULL
                    OR (lower(name), id) > (CAST(:afterName AS text), CAST(:afterId AS uuid)))
             ORDER BY lower(name), id
             LIMIT :limit
            """)
    List<UserRow> list(UUID orgId, String role, String q, String pattern, String afterName, UUID afterId, int limit);

    @SqlQuery("SELECT " + COLUMNS + " FROM users WHERE org_id = :orgId AND id = ANY(:ids)")
    List<UserRow> findAll(UUID orgId, UUID[] ids);

}
