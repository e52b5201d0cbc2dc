package org.gemba.progress;

import java.io.OutputStream;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;
import org.gemba.auth.Caller;
import org.gemba.common.ApiException;
import org.gemba.common.CursorCodec;
import org.gemba.common.Page;
import org.gemba.common.PageRequest;
import org.gemba.common.QueryParams;
import org.jdbi.v3.core.Jdbi;

/** Who may see whose progress, and the completion report as a page or as a CSV stream. */
public class ProgressService {
    private static final int CSV_FETCH_SIZE = 1000;
    private final Jdbi jdbi;
    private final ProgrammeClock programmeClock;
    private final CursorCodec cursors;

    public ProgressService(Jdbi jdbi, ProgrammeClock programmeClock, CursorCodec cursors) {
        this.jdbi = jdbi;
        this.programmeClock = programmeClock;
        this.cursors = cursors;
    }

    /** A leader sees only their own progress; HR and ADMIN any leader's; anyone else's id is 404. */
    public ProgressRow forLeader(Caller caller, UUID leaderId, String year) {
        if (!caller.isOffice() && !caller.id().value().equals(leaderId)) {
            throw ApiException.notFound("User");
        }
        ProgressQuery.Params p = params(caller, year);
        return jdbi.withHandle(h -> ProgressQuery.forLeader(h, p, leaderId))
                .orElseThrow(() -> ApiException.notFound("User"));
    }

    public record ReportFilters(String directorate, String grade, ProgressStatus status) {
        public static ReportFilters parse(String directorate, String grade, String status) {
            return new ReportFilters(blankToNull(directorate), blankToNull(grade),
                    QueryParams.enumValue("status", status, ProgressStatus.class));
        }
    }

    public Page<ProgressView> reportPage(Caller caller, String year, ReportFilters f, Integer limit, String cursor) {
        ProgressQuery.Params p = params(caller, year);
        PageRequest page = PageRequest.of(limit, cursor, cursors, 3);
        Integer afterSeverity = null;
        UUID afterId = null;
        if (page.after() != null) {
            try {
                afterSeverity = Integer.parseInt(page.after(0));
            } catch (NumberFormatException e) {
                throw ApiException.invalid("cursor", "is not a cursor this server issued");
            }
            afterId = QueryParams.uuid("cursor", page.after(2));
        }
        ProgressQuery.Filters filters = new ProgressQuery.Filters(f.directorate(), f.grade(),
                f.status() == null ? null : f.status().name(), afterSeverity, page.after(1), afterId, page.fetch());
        List<ProgressRow> rows = jdbi.inTransaction(h -> {
            try (Stream<ProgressRow> s = ProgressQuery.report(h, p, filters, page.fetch())) {
                return s.toList();
            }
        });
        return page.page(rows, r -> List.of(String.valueOf(r.severity()), r.name().toLowerCase(Locale.ROOT),
                r.leaderId().toString()), cursors).map(ProgressView::of);
    }

    /**
     * Writes the whole report as CSV while the rows arrive: a transaction lets the driver use a
     * cursor (fetch size), so memory stays constant whatever the number of leaders.
     */
    public Runnable csvWriter(Caller caller, String year, ReportFilters f, OutputStream out) {
        ProgressQuery.Params p = params(caller, year);
        ProgressQuery.Filters filters = new ProgressQuery.Filters(f.directorate(), f.grade(),
                f.status() == null ? null : f.status().name(), null, null, null, null);
        return () -> jdbi.useTransaction(h -> {
            try (Stream<ProgressRow> rows = ProgressQuery.report(h, p, filters, CSV_FETCH_SIZE)) {
                CompletionCsv.write(rows, out);
            }
        });
    }

    public String csvFilename(Caller caller, String year) {
        return "completion-" + programmeClock.resolveYear(year, caller.zone()) + ".csv";
    }

    private ProgressQuery.Params params(Caller caller, String year) {
        int y = programmeClock.resolveYear(year, caller.zone());
        return new ProgressQuery.Params(caller.orgId().value(), programmeClock.programme(), y,
                programmeClock.clock().instant());
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }

}
