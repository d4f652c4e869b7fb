package com.tradethehype.web;

/** A request the service understood but will not serve; answered as 400 with {@link #getMessage()} as detail. */
public class InvalidRequestException extends RuntimeException {

    public InvalidRequestException(String detail) {
        super(detail);
    }
}
