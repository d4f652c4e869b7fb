package com.tradethehype.digest.repository;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A stored article; written only by {@link ArticleStore}'s idempotent insert. */
@Entity
@Table(name = "article")
public class ArticleEntity extends PanacheEntityBase {

    @Id
    @Column(name = "article_id")
    public String articleId;
    public String source;
    public String url;
    public String title;
    public String summary;
    public String lang;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Column(name = "fetched_at")
    public Instant fetchedAt;
    /** The source gave no date: {@code publishedAt} is when ingest first saw it. */
    public boolean undated;
}
