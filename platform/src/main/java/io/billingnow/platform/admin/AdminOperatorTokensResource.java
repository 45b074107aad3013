package io.billingnow.platform.admin;

import io.billingnow.platform.identity.auth.Callers;
import io.billingnow.platform.identity.auth.RequiresOperator;
import io.billingnow.platform.identity.operators.OperatorToken;
import io.billingnow.platform.identity.operators.OperatorTokens;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.UUID;

/**
 * Operator credentials. New ones are issued by the {@code operators create-token} command; here operators (not
 * auditors: even the list tells who can reach the console) see and revoke them.
 */
@Path("/admin/v1/operator-tokens")
@Produces(MediaType.APPLICATION_JSON)
public final class AdminOperatorTokensResource {

    private final OperatorTokens tokens;

    public AdminOperatorTokensResource(OperatorTokens tokens) {
        this.tokens = tokens;
    }

    public record TokenList(List<OperatorToken> data) {
    }

    @Operation(summary = "List operator tokens",
            description = "Their ids and metadata, never the secrets.")
    @GET
    @RequiresOperator
    public TokenList list() {
        return new TokenList(tokens.list());
    }

    @Operation(summary = "Revoke an operator token")
    @DELETE
    @Path("/{id}")
    @RequiresOperator
    public OperatorToken revoke(@Context SecurityContext security, @PathParam("id") UUID id) {
        return tokens.revoke(id, Callers.operator(security));
    }
}
