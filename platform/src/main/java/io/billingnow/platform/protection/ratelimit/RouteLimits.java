package io.billingnow.platform.protection.ratelimit;

import com.fasterxml.jackson.annotation.JsonMerge;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * The three budgets of one route class: per client address, per credential and per tenant. Configuration merges
 * into the defaults ({@code @JsonMerge}): setting one budget, or one field of it, keeps the others.
 */
public final class RouteLimits {

    @Valid
    @NotNull
    @JsonMerge
    @JsonProperty("perAddress")
    private Limit perAddress;

    @Valid
    @NotNull
    @JsonMerge
    @JsonProperty("perCredential")
    private Limit perCredential;

    @Valid
    @NotNull
    @JsonMerge
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
