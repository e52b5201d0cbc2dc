package org.gemba.insight.similarity;

/**
 * How candidates are scored. Meaning (cosine) leads; word overlap catches the same words re-ordered
 * or misspelt; the same place and cause make "the same problem again" likelier; recent ones are
 * likelier to still be open. Weights were tuned on the labelled set in src/test/resources/similarity.
 * Without an embedding the lexical evidence stands in for the cosine, so new rows are still found.
 */
public record Blend(double cosine, double trigram, double textRank, double samePlacement, double sameSite,
                    double sameCause, double recency, double recencyHalfLifeDays) {

    public static final Blend DEFAULT = new Blend(1.0, 0.1, 0.0, 0.2, 0.12, 0.03, 0.02, 90);

    public double score(Candidate c) {
        double lexical = trigram * c.trigram() + textRank * Math.min(1.0, c.textRank());
        double meaning = c.cosine() != null ? cosine * c.cosine() : cosine * Math.min(1.0, 0.35 + 1.5 * lexical);
        double place = c.samePlacement() ? samePlacement : c.sameSite() ? sameSite : 0;
        double fresh = recency * Math.pow(0.5, Math.max(0, c.ageDays()) / recencyHalfLifeDays);
        return meaning + lexical + place + (c.sameCause() ? sameCause : 0) + fresh;
    }
}
