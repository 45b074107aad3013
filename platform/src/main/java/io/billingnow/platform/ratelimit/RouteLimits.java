package io.billingnow.platform.ratelimit;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** The three budgets of one route class: per client address, per credential and per tenant. */
public final class RouteLimits {

    @Valid
    @NotNull
    @JsonProperty("perAddress")
    private Limit perAddress;

    @Valid
    @NotNull
    @JsonProperty("perCredential")
    private Limit perCredential;

    @Valid
    @NotNull
    @JsonProperty("perTenant")
    private Limit perTenant;

    public RouteLimits() {
        this(new Limit(), new Limit(), new Limit());
    }

    public RouteLimits(Limit perAddress, Limit perCredential, Limit perTenant) {
        this.perAddress = perAddress;
        this.perCredential = perCredential;
        this.perTenant = perTenant;
    }

    public Limit perAddress() {
        return perAddress;
    }

    public Limit perCredential() {
        return perCredential;
    }

    public Limit perTenant() {
        return perTenant;
    }
}
