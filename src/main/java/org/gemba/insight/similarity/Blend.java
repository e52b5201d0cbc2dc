package org.gemba.insight.similarity;

/**
 * How candidates are scored. Meaning leads: the cosine, less half the candidate's hubness (CSLS: a
 * text close to everything else is weaker evidence of being the same problem); the same place and
 * cause make "the same problem again" likelier; recent ones are likelier to still be open. Word
 * overlap may be added on top, but on the labelled set (src/test/resources/similarity) it adds
 * nothing once the cosine is known, so by default it only finds candidates and stands in for the
 * cosine of a row not embedded yet (with the other candidates' mean hubness for its own).
 * {@code -Dsimilarity.grid=true} on SimilarityEvaluationTest prints the neighbourhood of weights.
 */
public record Blend(double cosine, double hubness, double trigram, double textRank, double samePlacement,
                    double sameSite, double sameCause, double recency, double recencyHalfLifeDays) {

    public static final Blend DEFAULT = new Blend(1.0, 0.5, 0, 0, 0.25, 0.2, 0.03, 0.02, 90);

    public double score(Candidate c) {
        double meaning = c.cosine() != null ? c.cosine() : Math.min(1.0, 0.35 + 0.15 * c.trigram());
        double lexical = trigram * c.trigram() + textRank * Math.min(1.0, c.textRank());
        double place = c.samePlacement() ? samePlacement : c.sameSite() ? sameSite : 0;
        double fresh = recency * Math.pow(0.5, Math.max(0, c.ageDays()) / recencyHalfLifeDays);
        return cosine * meaning - hubness * c.hubness() + lexical + place + (c.sameCause() ? sameCause : 0) + fresh;
    }
}
