package com.tradethehype.ops;

/** A failure the CLI explains in one line and turns into an exit code (no stack trace for the user). */
public class OpsException extends RuntimeException {

    /** An AWS call failed. */
    public static final int AWS = 1;
    /** Missing or invalid configuration or credentials. */
    public static final int CONFIG = 3;
    /** The user did not confirm a destructive command. */
    public static final int NOT_CONFIRMED = 4;

    private final int exitCode;

    public OpsException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
