package org.gemba.progress;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Open shifts a leader could book right now, ranked for variety. Mirrors every booking rule
 * (places left, open, notice, trainings, no overlap, not already booked, weekly cap, own
 * directorate) so a suggestion never leads to a refusal.
 */
public interface SuggestionDao {

    record SuggestionRow(UUID shiftId, UUID placementId, String placementName, UUID siteId, String siteName,
                         Instant start, Instant end, double hours, int capacity, int bookedCount, int placesLeft,
                         boolean newPlacement, boolean newSite, int recentVisitors, double score) {}

    /**
     * The weekly cap counts distinct leaders with a live booking on the placement in the shift's
     * ISO week (Monday to Sunday in the site's zone); a leader already counted there does not add one.
     * "Recently" for spreading leaders across hosts means the last 90 days.
     */
    @SqlQuery("""
            WITH me AS (
                SELECT id, trainings, directorate FROM users
                WHERE org_id = :orgId AND id = :leaderId AND 'LEADER' = ANY (roles)),
            seen AS (
                SELECT DISTINCT s.placement_id, p.site_id
                FROM bookings b
                JOIN shifts s ON s.org_id = b.org_id AND s.id = b.shift_id
                JOIN placements p ON p.org_id = s.org_id AND p.id = s.placement_id
                WHERE b.org_id = :orgId AND b.leader_id = :leaderId AND b.status IN ('ATTENDED', 'BOOKED')),
            candidates AS (
                SELECT s.id AS shift_id, p.id AS placement_id, p.name AS placement_name, si.id AS site_id,
                       si.name AS site_name, s.starts_at, s.ends_at, s.capacity, s.booked_count,
                       extract(epoch FROM s.ends_at - s.starts_at) / 3600.0 AS hours,
                       NOT EXISTS (SELECT 1 FROM seen WHERE seen.placement_id = p.id) AS new_placement,
                       NOT EXISTS (SELECT 1 FROM seen WHERE seen.site_id = si.id) AS new_site
                FROM me
                JOIN shifts s ON s.org_id = :orgId
                JOIN placements p ON p.org_id = s.org_id AND p.id = s.placement_id
                JOIN sites si ON si.org_id = p.org_id AND si.id = p.site_id
                WHERE s.status = 'OPEN'
                  AND s.booked_count < s.capacity
                  AND s.starts_at >= :earliest AND s.starts_at < :horizon
                  AND p.required_trainings <@ me.trainings
                  AND NOT (p.exclude_own_directorate AND p.directorate IS NOT DISTINCT FROM me.directorate
                           AND me.directorate IS NOT NULL)
                  AND NOT EXISTS (
                      SELECT 1 FROM bookings b
                      WHERE b.org_id = :orgId AND b.leader_id = me.id AND b.status IN ('BOOKED', 'ATTENDED')
                        AND (b.shift_id = s.id OR b.during && tstzrange(s.starts_at, s.ends_at)))
                  AND (p.max_leaders_per_week IS NULL OR (
                      SELECT count(DISTINCT b.leader_id)
                      FROM shifts ws JOIN bookings b ON b.org_id = ws.org_id AND b.shift_id = ws.id
                      WHERE ws.org_id = :orgId AND ws.placement_id = p.id
                        AND b.status IN ('BOOKED', 'ATTENDED') AND b.leader_id <> me.id
                        AND date_trunc('week', ws.starts_at AT TIME ZONE si.time_zone)
                            = date_trunc('week', s.starts_at AT TIME ZONE si.time_zone)) < p.max_leaders_per_week)),
            visitors AS (
                SELECT s.placement_id, count(DISTINCT b.leader_id) AS n
                FROM bookings b JOIN shifts s ON s.org_id = b.org_id AND s.id = b.shift_id
                WHERE b.org_id = :orgId AND b.status IN ('BOOKED', 'ATTENDED')
                  AND lower(b.during) >= :recentFrom
                  AND s.placement_id IN (SELECT placement_id FROM candidates)
                GROUP BY s.placement_id)
            SELECT c.shift_id, c.placement_id, c.placement_name, c.site_id, c.site_name,
                   c.starts_at AS start, c.ends_at AS "end", round(c.hours, 2) AS hours, c.capacity,
                   c.booked_count, c.capacity - c.booked_count AS places_left, c.new_placement, c.new_site,
                   coalesce(v.n, 0) AS recent_visitors,
                   round((CASE WHEN c.new_placement THEN 100 ELSE 0 END + CASE WHEN c.new_site THEN 50 ELSE 0 END
                          + 20.0 / (1 + coalesce(v.n, 0)))::numeric, 2) AS score
            FROM candidates c LEFT JOIN visitors v ON v.placement_id = c.placement_id
            ORDER BY c.new_placement DESC, c.new_site DESC, coalesce(v.n, 0), c.starts_at, c.shift_id
            LIMIT :limit""")
    @RegisterConstructorMapper(SuggestionRow.class)
    List<SuggestionRow> suggest(UUID orgId, UUID leaderId, OffsetDateTime earliest, OffsetDateTime horizon,
                                OffsetDateTime recentFrom, int limit);
}
