package com.tradethehype.database;

import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * A database setting that cannot work, said in one line that starts with the setting's name. Deliberately without a
 * cause: Quarkus prints a root-cause ConfigurationException as its message alone, with no stack trace.
 */
public class DatabaseSettingException extends ConfigurationException {

    private static final long serialVersionUID = 1L;

    public DatabaseSettingException(String setting, String problem) {
        super(setting + ": " + problem);
    }
}
