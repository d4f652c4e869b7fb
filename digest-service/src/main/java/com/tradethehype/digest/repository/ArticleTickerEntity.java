package com.tradethehype.digest.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** One (article, ticker) pair: the index every per-ticker query starts from. */
@Entity
@Table(name = "article_ticker")
@IdClass(ArticleTickerEntity.Key.class)
public class ArticleTickerEntity extends PanacheEntityBase {

    @Id
    @Column(name = "article_id")
    public String articleId;
    @Id
    public String ticker;

    /** Composite key. */
    public static class Key implements Serializable {
        public String articleId;
        public String ticker;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(articleId, k.articleId) && Objects.equals(ticker, k.ticker);
        }

        @Override
        public int hashCode() {
            return Objects.hash(articleId, ticker);
        }
    }
}
