package org.gemba.insight.similarity;

import java.util.UUID;

/**
 * What is known about one candidate: cosine of the embeddings (null while either has none), the
 * candidate's hubness (how close it sits to everything else), trigram similarity and full-text rank
 * against the observation, and where and why it happened.
 */
public record Candidate(String type, UUID id, String title, String text, String status, Float cosine, double hubness,
                        double trigram, double textRank, boolean samePlacement, boolean sameSite, boolean sameCause,
                        double ageDays) {}
