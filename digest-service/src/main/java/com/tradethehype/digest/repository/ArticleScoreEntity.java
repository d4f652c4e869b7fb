package com.tradethehype.digest.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;
import java.time.Instant;

/** The sentiment one model gave one article. */
@Entity
@Table(name = "article_score")
@IdClass(ArticleScoreEntity.Key.class)
public class ArticleScoreEntity extends PanacheEntityBase {

    @Id
    @Column(name = "article_id")
    public String articleId;
    @Id
    @Column(name = "model_id")
    public String modelId;
    @Id
    @Column(name = "model_version")
    public String modelVersion;
    public double positive;
    public double negative;
    public double neutral;
    public String label;
    public double score;
    @Column(name = "scored_at")
    public Instant scoredAt;

    /** Composite key. */
    public static class Key implements Serializable {
        public String articleId;
        public String modelId;
        public String modelVersion;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(articleId, k.articleId) && Objects.equals(modelId, k.modelId) && Objects.equals(modelVersion, k.modelVersion);
        }

        @Override
        public int hashCode() {
            return Objects.hash(articleId, modelId, modelVersion);
        }
    }
}
