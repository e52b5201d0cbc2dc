package org.gemba.progress;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;

/** The {@code programme:} section of config.yml. */
public class ProgrammeConfig {
    /** Month-day the programme year starts on, in the organisation's time zone. */
    @NotNull
    @Pattern(regexp = "^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")
    @JsonProperty
    public String yearStart = "04-01";

    @Min(1)
    @Max(50)
    @JsonProperty
    public int years = 6;

    @Min(2000)
    @Max(2200)
    @JsonProperty
    public int firstYear = 2025;

    @NotNull
    @DecimalMin("0")
    @DecimalMax("2000")
    @JsonProperty
    public BigDecimal defaultAnnualHours = new BigDecimal("150");

    public Programme toProgramme() {
        return new Programme(java.time.MonthDay.parse("--" + yearStart), years, firstYear, defaultAnnualHours);
    }
}
