package io.billingnow.platform.billing.payments;

import io.billingnow.platform.identity.auth.Callers;
import io.billingnow.platform.identity.auth.Permission;
import io.billingnow.platform.identity.auth.RequiresPermission;
import io.billingnow.platform.identity.auth.TenantCaller;
import io.billingnow.platform.core.tx.TenantTransactions;
import io.billingnow.platform.billing.invoices.InvoiceService;
import io.swagger.v3.oas.annotations.Operation;
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

@Path("/v1/invoices/{id}/payments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class PaymentsResource {

    private final TenantTransactions transactions;
    private final PaymentService payments;
    private final InvoiceService invoices;
    private final ManualPaymentRules rules;

    public PaymentsResource(TenantTransactions transactions, PaymentService payments, InvoiceService invoices,
                            ManualPaymentRules rules) {
        this.transactions = transactions;
        this.rules = rules;
        this.payments = payments;
        this.invoices = invoices;
    }

    @Operation(summary = "Record a payment of an invoice",
            description = "A payment received outside the platform (bank transfer, cash). Amounts are bounded per "
            + "currency and receivedAt must be near today. A payment of an invoice already paid is "
            + "refused (409 invoice-paid) unless sent with \"asCredit\": true, which keeps it as "
            + "customer credit.")
    @POST
    @RequiresPermission(Permission.PAYMENTS_WRITE)
    public Response record(@Context SecurityContext security, @PathParam("id") UUID invoiceId,
                           @NotNull @Valid PaymentFields fields) {
        TenantCaller caller = Callers.tenant(security);
        Payment payment = transactions.write(caller.tenant(),
                tx -> payments.recordManual(tx, invoiceId, fields, rules, caller));
        return Response.status(201).entity(payment).build();
    }

    @Operation(summary = "List an invoice's payments")
    @GET
    @RequiresPermission(Permission.INVOICES_READ)
    public Map<String, List<Payment>> list(@Context SecurityContext security, @PathParam("id") UUID invoiceId) {
        TenantCaller caller = Callers.tenant(security);
        return Map.of("data", transactions.read(caller.tenant(), tx -> {
            invoices.get(tx, invoiceId);
            return tx.dao(PaymentDao.class).forInvoice(tx.tenant(), invoiceId);
        }));
    }
}
