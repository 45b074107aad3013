package io.billingnow.platform.protection.contact;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/** The {@code security.contact:} block, published as {@code /.well-known/security.txt} (RFC 9116). */
public class SecurityContactConfiguration {

    @NotEmpty
    private List<URI> contacts = List.of(URI.create("mailto:info@cappsule.io"));

    /** When absent, one year after start-up. */
    private Instant expires;

    /** The public HTTPS address of this deployment, e.g. {@code https://billing.example.com}. */
    @NotNull
    private URI publicBaseUrl = URI.create("https://localhost:8443");

    @NotNull
    private URI policy = URI.create("https://github.com/billingnow/billingnow/blob/main/SECURITY.md");

    @NotEmpty
    private List<String> preferredLanguages = List.of("en");

    @JsonProperty
    public List<URI> getContacts() {
        return contacts;
    }

    @JsonProperty
    public void setContacts(List<URI> contacts) {
        this.contacts = contacts;
    }

    @JsonProperty
    public Instant getExpires() {
        return expires;
    }

    @JsonProperty
    public void setExpires(Instant expires) {
        this.expires = expires;
    }

    @JsonProperty
    public URI getPublicBaseUrl() {
        return publicBaseUrl;
    }

    @JsonProperty
    public void setPublicBaseUrl(URI publicBaseUrl) {
        this.publicBaseUrl = publicBaseUrl;
    }

    @JsonProperty
    public URI getPolicy() {
        return policy;
    }

    @JsonProperty
    public void setPolicy(URI policy) {
        this.policy = policy;
    }

    @JsonProperty
    public List<String> getPreferredLanguages() {
        return preferredLanguages;
    }

    @JsonProperty
    public void setPreferredLanguages(List<String> preferredLanguages) {
        this.preferredLanguages = preferredLanguages;
    }

    @JsonIgnore
    @ValidationMethod(message = "publicBaseUrl and policy must be https URLs; contacts must be mailto:, tel: or https:")
    public boolean isWellFormed() {
        return "https".equals(publicBaseUrl.getScheme()) && "https".equals(policy.getScheme())
                && contacts.stream().allMatch(c -> List.of("mailto", "tel", "https").contains(c.getScheme()));
    }
}
