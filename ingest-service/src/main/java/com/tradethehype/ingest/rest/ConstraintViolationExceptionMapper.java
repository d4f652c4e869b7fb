package com.tradethehype.ingest.rest;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/** Bean Validation failures on a request: 400, naming each field and what is wrong with it. */
@Provider
@Priority(Problems.PRIORITY)
public class ConstraintViolationExceptionMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException e) {
        String detail = e.getConstraintViolations().stream().map(ConstraintViolationExceptionMapper::describe).sorted()
                .collect(Collectors.joining("; "));
        return Problems.answer("urn:tradethehype:problem:invalid-request", "Invalid request", 400, detail);
    }

    /** "url must not be blank": the field path without our method and parameter names. */
    private static String describe(ConstraintViolation<?> violation) {
        StringJoiner field = new StringJoiner(".");
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() != ElementKind.METHOD && node.getKind() != ElementKind.PARAMETER && node.getName() != null) {
                field.add(node.getIndex() == null ? node.getName() : node.getName() + "[" + node.getIndex() + "]");
            }
        }
        return (field.length() == 0 ? "body" : field.toString()) + " " + violation.getMessage();
    }
}
