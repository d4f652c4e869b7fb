package com.tradethehype.digest.rest;

import java.util.List;

/** The requested article ids that are stored; an id not listed is not (yet) stored. */
public record StoredArticlesResponse(List<String> stored) {
}
