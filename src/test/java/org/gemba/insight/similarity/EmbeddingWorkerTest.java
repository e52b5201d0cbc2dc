package org.gemba.insight.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The worker's duty cycle: it rests so that embedding takes at most that share of one core. */
class EmbeddingWorkerTest {

    @Test
    void rest_atHalfDutyCycle_restsAsLongAsItWorked() {
        assertThat(EmbeddingWorker.rest(100_000_000L, 0.5)).isEqualTo(100_000_000L);
        assertThat(EmbeddingWorker.rest(100_000_000L, 0.25)).isEqualTo(300_000_000L);
        assertThat(EmbeddingWorker.rest(100_000_000L, 1.0)).isZero();
    }

    @Test
    void worker_refusesADutyCycleOutsideZeroToOne() {
        assertThatThrownBy(() -> new EmbeddingWorker(null, null, 30, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EmbeddingWorker(null, null, 30, 1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}
