package io.billingnow.platform.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.NotNull;
import java.net.URI;

/** Settings of the platform itself, as opposed to its infrastructure. */
public class PlatformSettings {

    /** Where the public reaches us; payment links and webhook URLs are built on it. */
    @NotNull
    @JsonProperty
    private URI publicBaseUrl = URI.create("https://localhost:8443");

    /** A folder of tenant definitions reconciled at startup (null: none). */
    @JsonProperty
    private String tenantsConfigDir;

    /** Apply database migrations at startup. Dev mode and tests do; production runs `db migrate` explicitly. */
    @JsonProperty
    private boolean migrateOnStart;

    public URI getPublicBaseUrl() {
        return publicBaseUrl;
    }

    public String getTenantsConfigDir() {
        return tenantsConfigDir;
    }

    public void setTenantsConfigDir(String tenantsConfigDir) {
        this.tenantsConfigDir = tenantsConfigDir;
    }

    public boolean isMigrateOnStart() {
        return migrateOnStart;
    }
}
