package org.gemba;

import io.dropwizard.core.setup.Bootstrap;
import java.io.BufferedWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.gemba.scale.ScaleGenerator;
import org.gemba.scale.ScaleSettings;
import org.gemba.auth.PasswordHasher;
import org.jdbi.v3.core.Jdbi;

/** {@code seed-scale config.yml --leaders N}: a national-scale organisation for the benchmark in bench/. */
final class SeedScaleCommand extends DatabaseCommand {

    SeedScaleCommand() {
        super("seed-scale", "Fill a fresh database with a national-scale organisation (for bench/)");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--leaders").type(Integer.class).setDefault(1000).help("number of leaders");
        subparser.addArgument("--seed").type(Long.class).setDefault(1L).help("random seed (same seed, same data)");
        subparser.addArgument("--attended").type(Long.class).help("attended bookings to aim for (default 50 x leaders)");
        subparser.addArgument("--observations").type(Long.class).help("observations (default 50 x leaders)");
        subparser.addArgument("--future-days").type(Integer.class).setDefault(90).help("days of shifts after today");
        subparser.addArgument("--pairs").help("write free (leaderId,shiftId) places for the booking benchmark here");
    }

    @Override
    protected void run(Jdbi jdbi, GembaConfiguration config, Namespace ns, Bootstrap<GembaConfiguration> bootstrap)
            throws Exception {
        int leaders = ns.getInt("leaders");
        Long attended = ns.getLong("attended");
        Long observations = ns.getLong("observations");
        ScaleSettings settings = new ScaleSettings(ns.getLong("seed"), leaders,
                attended == null ? 50L * leaders : attended, observations == null ? 50L * leaders : observations,
                LocalDate.now(java.time.ZoneId.of("Europe/London")), LocalDate.of(2025, 4, 1), ns.getInt("future_days"));
        String hash = new PasswordHasher(config.getSecurity().passwordHashCost).hash(ScaleGenerator.ADMIN_PASSWORD);
        ScaleGenerator generator = new ScaleGenerator(jdbi, settings, hash);
        long started = System.nanoTime();
        Map<String, Long> counts;
        String pairs = ns.getString("pairs");
        if (pairs == null) {
            counts = generator.load(null);
        } else {
            try (Writer w = new BufferedWriter(Files.newBufferedWriter(Path.of(pairs)), 1 << 16)) {
                counts = generator.load(w);
            }
        }
        counts.forEach((k, v) -> System.out.printf("%-18s %,d%n", k, v));
        System.out.printf("loaded '%s' (%s) in %.1f s; cadence %d days%n", generator.orgName(), generator.orgId(),
                (System.nanoTime() - started) / 1e9, settings.cadence());
        System.out.println("admin login: " + generator.adminEmail() + " / " + ScaleGenerator.ADMIN_PASSWORD);
    }
}
