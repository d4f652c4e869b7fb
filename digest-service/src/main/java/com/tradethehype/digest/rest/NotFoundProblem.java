package com.tradethehype.digest.rest;

/** The request named something that does not exist (a ticker never seen, a day without digest). */
public class NotFoundProblem extends RuntimeException {

    public NotFoundProblem(String detail) {
        super(detail);
    }
}
