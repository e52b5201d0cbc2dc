package org.gemba.progress;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The completion report as RFC 4180 CSV, safe to open in a spreadsheet. */
public final class CompletionCsv {
    public static final String[] HEADER = {"name", "email", "grade", "directorate", "targetHours", "completedHours",
            "bookedHours", "expectedToDateHours", "remainingHours", "status", "promotionHold"};
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader(HEADER).get();

    private CompletionCsv() {}

    public static void write(Stream<ProgressRow> rows, OutputStream out) {
        try {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter printer = new CSVPrinter(w, FORMAT);
            rows.forEach(r -> {
                try {
                    printer.printRecord(safe(r.name()), safe(r.email()), safe(r.grade()), safe(r.directorate()),
                            r.targetHours().toPlainString(), r.completedHours().toPlainString(),
                            r.bookedHours().toPlainString(), r.expectedToDateHours().toPlainString(),
                            r.remainingHours().toPlainString(), r.status(), r.promotionHold());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            printer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Spreadsheets run a cell that starts with = + - @ (or tab / carriage return) as a formula; a
     * leading apostrophe makes it text (OWASP "CSV injection").
     */
    static String safe(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char c = cell.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + cell : cell;
    }
}
