package com.tradethehype.sentiment.inference;

/** The model is not ready (still loading, or failed to load): nothing can be scored. */
public class ModelUnavailableException extends RuntimeException {

    public ModelUnavailableException(String message) {
        super(message);
    }
}
