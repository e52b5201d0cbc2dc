package org.gemba.people;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.gemba.auth.Role;

/** Request bodies of the people endpoints. */
public final class UserRequests {
    private UserRequests() {}

    static final String TRAINING = "^(?i)[A-Z][A-Z0-9_]{1,49}$";

    public record CreateUser(
            @NotBlank @Email @Size(max = 320) String email,
            @NotBlank @Size(max = 200) String name,
            @NotEmpty List<@NotNull Role> roles,
            String password,
            @Size(max = 50) String grade,
            @Size(max = 100) String directorate,
            @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") @Digits(integer = 1, fraction = 3) BigDecimal fte,
            LocalDate startDate,
            LocalDate endDate,
            @Size(max = 50) List<@NotNull @Pattern(regexp = TRAINING, message = "must be an upper-case code such as FOOD_HYGIENE") String> trainings) {}

    /**
     * Partial update, read through {@link org.gemba.common.Patch}: an absent field is left alone;
     * grade, directorate, startDate and endDate are cleared by an explicit {@code null}.
     */
    public record UpdateUser(
            @Email @Size(min = 3, max = 320) String email,
            @Size(min = 1, max = 200) String name,
            @Size(min = 1) List<@NotNull Role> roles,
            String password,
            @Size(max = 50) String grade,
            @Size(max = 100) String directorate,
            @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") @Digits(integer = 1, fraction = 3) BigDecimal fte,
            LocalDate startDate,
            LocalDate endDate,
            @Size(max = 50) List<@NotNull @Pattern(regexp = TRAINING, message = "must be an upper-case code such as FOOD_HYGIENE") String> trainings,
            Boolean active) {}

    public record CreateToken(@NotBlank @Size(max = 100) String name) {}
}
