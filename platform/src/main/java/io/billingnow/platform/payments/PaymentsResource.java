package io.billingnow.platform.payments;

import io.billingnow.platform.auth.Callers;
import io.billingnow.platform.auth.Permission;
import io.billingnow.platform.auth.RequiresPermission;
import io.billingnow.platform.auth.TenantCaller;
import io.billingnow.platform.customers.CustomerService;
import io.billingnow.platform.db.TenantTransactions;
import io.billingnow.platform.invoices.InvoiceService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class PaymentsResource {

    private final TenantTransactions transactions;
    private final PaymentService payments;
    private final InvoiceService invoices;
    private final CustomerService customers;

    public PaymentsResource(TenantTransactions transactions, PaymentService payments, InvoiceService invoices,
                            CustomerService customers) {
        this.transactions = transactions;
        this.payments = payments;
        this.invoices = invoices;
        this.customers = customers;
    }

    @POST
    @Path("/invoices/{id}/payments")
    @RequiresPermission(Permission.PAYMENTS_WRITE)
    public Response record(@Context SecurityContext security, @PathParam("id") UUID invoiceId,
                           @NotNull @Valid PaymentFields fields) {
        TenantCaller caller = Callers.tenant(security);
        Payment payment = transactions.write(caller.tenant(), tx -> payments.record(tx, invoiceId, fields.amount(),
                fields.currency(), new PaymentService.Source(fields.method(), fields.reference(), null, null),
                fields.receivedAt(), caller));
        return Response.status(201).entity(payment).build();
    }

    @GET
    @Path("/invoices/{id}/payments")
    @RequiresPermission(Permission.INVOICES_READ)
    public Map<String, List<Payment>> list(@Context SecurityContext security, @PathParam("id") UUID invoiceId) {
        TenantCaller caller = Callers.tenant(security);
        return Map.of("data", transactions.read(caller.tenant(), tx -> {
            invoices.get(tx, invoiceId);
            return tx.dao(PaymentDao.class).forInvoice(tx.tenant(), invoiceId);
        }));
    }

    @GET
    @Path("/customers/{id}/credit-balance")
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
