package org.gemba.progress;

import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.gemba.auth.Caller;
import org.gemba.common.Page;

/** HR's completion report for a year: JSON pages, or the whole report streamed as CSV. */
@Path("/api/v1/reports/completion")
@RolesAllowed({"HR", "ADMIN"})
public class CompletionReportResource {
    public static final String TEXT_CSV = "text/csv";
    private final ProgressService progress;

    public CompletionReportResource(ProgressService progress) {
        this.progress = progress;
    }

    /**
     * 200 a page sorted by status (NOT_MET, BEHIND, AT_RISK, ON_TRACK, COMPLETE, EXEMPT), then name,
     * then id; 422 for a bad year, status, limit or cursor; 403 for other roles.
     */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Page<ProgressView> json(@Auth Caller caller, @QueryParam("year") String year,
                                   @QueryParam("directorate") String directorate, @QueryParam("grade") String grade,
                                   @QueryParam("status") String status, @QueryParam("limit") Integer limit,
                                   @QueryParam("cursor") String cursor) {
        return progress.reportPage(caller, year, ProgressService.ReportFilters.parse(directorate, grade, status),
                limit, cursor);
    }

    /** 200 {@code text/csv; charset=UTF-8} as an attachment, in the JSON's order; same refusals. */
    @GET
    @Produces(TEXT_CSV + ";qs=0.5")  // JSON stays the answer for clients that accept anything
    public Response csv(@Auth Caller caller, @QueryParam("year") String year,
                        @QueryParam("directorate") String directorate, @QueryParam("grade") String grade,
                        @QueryParam("status") String status) {
        ProgressService.ReportFilters filters = ProgressService.ReportFilters.parse(directorate, grade, status);
        String filename = progress.csvFilename(caller, year);
        StreamingOutput body = out -> progress.csvWriter(caller, year, filters, out).run();
        return Response.ok(body, TEXT_CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }
}
