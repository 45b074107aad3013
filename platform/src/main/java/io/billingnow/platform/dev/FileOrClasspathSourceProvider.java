package io.billingnow.platform.dev;

import io.dropwizard.configuration.ConfigurationSourceProvider;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a configuration file from disk, or, when no such file exists, the bundled resource of that name. */
public final class FileOrClasspathSourceProvider implements ConfigurationSourceProvider {

    @Override
    public InputStream open(String path) throws IOException {
        if (Files.isRegularFile(Path.of(path))) {
            return new FileInputStream(path);
        }
        InputStream resource = getClass().getClassLoader().getResourceAsStream(path);
        if (resource == null) {
            throw new FileNotFoundException("No configuration file or bundled resource named " + path);
        }
        return resource;
    }
}
