package org.gemba.insight.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** DJL (the model's tokenizer) phones home unless OPT_OUT_TRACKING=true: nothing may leave the machine. */
class OptOutTrackingTest {

    @Test
    void testJvm_hasTrackingSwitchedOffInPropertyAndEnvironment() {
        assertThat(System.getenv("OPT_OUT_TRACKING")).as("surefire environmentVariables / bin scripts").isEqualTo("true");
        assertThat(System.getProperty("OPT_OUT_TRACKING")).as("surefire systemPropertyVariables").isEqualTo("true");
    }

    @Test
    void embedder_whenTrackingNotOptedOut_refusesToLoadTheModel() {
        assertThatThrownBy(() -> Embedder.requireOptOut(null, null)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Embedder.requireOptOut("false", "true")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Embedder.requireOptOut("true", "false")).isInstanceOf(IllegalStateException.class);
        Embedder.requireOptOut("true", "true");
        Embedder.requireOptOut("true", null);
    }

    @Test
    void embedder_setsThePropertyBeforeAnyModelClassLoads_andEmbedsToUnitLength() {
        Embedder embedder = new Embedder();
        assertThat(System.getProperty("OPT_OUT_TRACKING")).isEqualTo("true");
        float[] lift = embedder.embed("Theatre lift broken, porters waiting with patients");
        float[] same = embedder.embed("The lift to theatres is out of order and transfers queue");
        float[] other = embedder.embed("Allergy information is not passed to the kitchen");
        assertThat(lift).hasSize(Embedder.DIMENSIONS);
        assertThat(Embedder.dot(lift, lift)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        assertThat(Embedder.dot(lift, same)).isGreaterThan(Embedder.dot(lift, other));
    }
}
