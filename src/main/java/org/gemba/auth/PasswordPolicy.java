package org.gemba.auth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** 12 to 128 characters, not a common password, not one character repeated. */
public final class PasswordPolicy {
    public static final int MIN = 12;
    public static final int MAX = 128;
    private static final Set<String> COMMON = load();

    private PasswordPolicy() {}

    /** Why the password is refused, or empty when it is acceptable. */
    public static Optional<String> problem(String password) {
        if (password == null || password.length() < MIN) {
            return Optional.of("must be at least " + MIN + " characters");
        }
        if (password.length() > MAX) {
            return Optional.of("must be at most " + MAX + " characters");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || lower.chars().distinct().count() <= 2) {
            return Optional.of("is too common; choose a less guessable password");
        }
        return Optional.empty();
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt missing from the classpath");
            }
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::trim).filter(s -> !s.isEmpty() && !s.startsWith("#"))
                    .map(s -> s.toLowerCase(Locale.ROOT)).forEach(words::add);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return Set.copyOf(words);
    }
}
