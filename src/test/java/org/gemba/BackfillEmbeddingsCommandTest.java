package org.gemba;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.gemba.insight.similarity.Embedder;
import org.gemba.support.Fixtures;
import org.gemba.support.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

class BackfillEmbeddingsCommandTest {

    @Test
    void backfill_embedsRowsWithoutOne_andIsIdempotent() {
        Jdbi jdbi = TestDatabase.get().jdbi();
        Fixtures.Org org = Fixtures.org();
        Fixtures.User leader = org.user("LEADER");
        UUID site = jdbi.withHandle(h -> h.createQuery("INSERT INTO sites (org_id, name) VALUES (:org, 'Riverside') RETURNING id")
                .bind("org", org.id()).mapTo(UUID.class).one());
        for (String text : List.of("Theatre lift broken again", "Water jugs not refilled", "Printer jammed")) {
            jdbi.useHandle(h -> h.createUpdate("""
                            INSERT INTO observations (org_id, author_id, site_id, observed_at, logged_at, text, kind,
                                                      triage_due_at)
                            VALUES (:org, :author, :site, :now, :now, :text, 'BARRIER', :now)""")
                    .bind("org", org.id()).bind("author", leader.id()).bind("site", site).bind("now", Instant.now())
                    .bind("text", text).execute());
        }
        UUID action = jdbi.withHandle(h -> h.createQuery("""
                        INSERT INTO improvement_actions (org_id, title, owner_id, created_by, created_at, updated_at)
                        VALUES (:org, 'Fix the theatre lift', :owner, :owner, now(), now()) RETURNING id""")
                .bind("org", org.id()).bind("owner", leader.id()).mapTo(UUID.class).one());

        ByteArrayOutputStream first = new ByteArrayOutputStream();
        BackfillEmbeddingsCommand.run(jdbi, new Embedder(), new PrintStream(first, true, StandardCharsets.UTF_8));
        List<Long> seqs = seqs(jdbi, org.id());
        assertThat(seqs).hasSize(4).doesNotContainNull();
        assertThat(first.toString(StandardCharsets.UTF_8)).contains("(100%)").contains("nothing left");
        int dimensions = jdbi.withHandle(h -> h.createQuery(
                "SELECT cardinality(embedding) FROM improvement_actions WHERE id = :id")
                .bind("id", action).mapTo(Integer.class).one());
        assertThat(dimensions).isEqualTo(Embedder.DIMENSIONS);

        ByteArrayOutputStream second = new ByteArrayOutputStream();
        BackfillEmbeddingsCommand.run(jdbi, new Embedder(), new PrintStream(second, true, StandardCharsets.UTF_8));
        assertThat(seqs(jdbi, org.id())).as("already embedded rows are left alone").isEqualTo(seqs);
    }

    @Test
    void progressBar_showsShareDone() {
        assertThat(BackfillEmbeddingsCommand.bar(10, 40)).startsWith("[##########").endsWith("10/40 (25%)");
        assertThat(BackfillEmbeddingsCommand.bar(0, 0)).endsWith("0/0 (100%)");
    }

    private static List<Long> seqs(Jdbi jdbi, UUID org) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT embedding_seq FROM observations WHERE org_id = :org
                        UNION ALL SELECT embedding_seq FROM improvement_actions WHERE org_id = :org
                        ORDER BY 1""")
                .bind("org", org).mapTo(Long.class).list());
    }
}
