package io.billingnow.platform.billing.payments;

import io.billingnow.platform.identity.auth.Callers;
import io.billingnow.platform.identity.auth.Permission;
import io.billingnow.platform.identity.auth.RequiresPermission;
import io.billingnow.platform.identity.auth.TenantCaller;
import io.billingnow.platform.billing.customers.CustomerService;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A customer's credit balance per currency: over-payments and credit notes kept as credit. */
@Path("/v1/customers/{id}/credit-balance")
@Produces(MediaType.APPLICATION_JSON)
public final class CreditBalanceResource {

    private final TenantTransactions transactions;
    private final CustomerService customers;

    public CreditBalanceResource(TenantTransactions transactions, CustomerService customers) {
        this.transactions = transactions;
        this.customers = customers;
    }

    @Operation(summary = "Get a customer's credit balance",
            description = "Overpayments and payments recorded as credit, per currency.")
    @GET
    @RequiresPermission(Permission.CUSTOMERS_READ)
    public Map<String, List<PaymentDao.CreditBalance>> creditBalance(@Context SecurityContext security,
                                                                   @PathParam("id") UUID customerId) {
        TenantCaller caller = Callers.tenant(security);
        return Map.of("data", transactions.read(caller.tenant(), tx -> {
            customers.get(tx, customerId);
            return tx.dao(PaymentDao.class).creditBalances(tx.tenant(), customerId);
        }));
    }
}
