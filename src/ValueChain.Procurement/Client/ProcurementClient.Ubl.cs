namespace ValueChain.Procurement;

/// <summary>The UBL 2.1 exports of the client (see <see cref="ProcurementUblExport"/>), read from the ledger as this participant.</summary>
public sealed partial class ProcurementClient
{
    /// <summary>Version <paramref name="version"/> of a quotation as a UBL 2.1 Quotation (UTF-8 bytes), with the supplier's company name.</summary>
    /// <exception cref="ChaincodeException"><see cref="ErrorCodes.NotFound"/> when the quotation has no such version.</exception>
    /// <exception cref="ProcurementUblException">A field of the quotation cannot be exported.</exception>
    public async Task<byte[]> ExportQuotationAsUblAsync(long quotationId, int version, CancellationToken cancellationToken = default)
    {
        Quotation quotation = await _contract.GetQuotationVersionAsync(quotationId, version, cancellationToken)
            ?? throw new ChaincodeException(ErrorCodes.NotFound, $"Quotation {quotationId} has no version {version}.");
        return ProcurementUblExport.ToQuotation(quotation, _ubl, await _contract.GetCompanyAsync(quotation.SupplierCompany, cancellationToken));
    }

    /// <summary>An order, read as this participant, as a UBL 2.1 Order (UTF-8 bytes), with the companies' names.</summary>
    /// <exception cref="ChaincodeException"><see cref="ErrorCodes.NotFound"/> when there is no such order, or the read is refused.</exception>
    /// <exception cref="ProcurementUblException">A field of the order cannot be exported.</exception>
    public async Task<byte[]> ExportOrderAsUblAsync(string orderId, CancellationToken cancellationToken = default)
    {
        (PurchaseOrder order, Company? buyer, Company? supplier) = await OrderWithCompaniesAsync(orderId, cancellationToken);
        return ProcurementUblExport.ToOrder(order, _ubl, buyer, supplier);
    }

    /// <summary>The arrival of an order, read as this participant, as a UBL 2.1 ReceiptAdvice (UTF-8 bytes), with the companies' names.</summary>
    /// <exception cref="ChaincodeException"><see cref="ErrorCodes.NotFound"/> when there is no such order, or the read is refused.</exception>
    /// <exception cref="ProcurementUblException">The order has not arrived (its <c>status</c>), or another field cannot be exported.</exception>
    public async Task<byte[]> ExportReceiptAdviceAsUblAsync(string orderId, CancellationToken cancellationToken = default)
    {
        (PurchaseOrder order, Company? buyer, Company? supplier) = await OrderWithCompaniesAsync(orderId, cancellationToken);
        return ProcurementUblExport.ToReceiptAdvice(order, _ubl, buyer, supplier);
    }

    private async Task<(PurchaseOrder Order, Company? Buyer, Company? Supplier)> OrderWithCompaniesAsync(string orderId, CancellationToken cancellationToken)
    {
        PurchaseOrder order = await _contract.GetOrderAsync(_signer, orderId, cancellationToken)
            ?? throw new ChaincodeException(ErrorCodes.NotFound, $"Order {orderId} is not on the ledger.");
        return (order, await _contract.GetCompanyAsync(order.CompanyId, cancellationToken), await _contract.GetCompanyAsync(order.SupplierCompany, cancellationToken));
    }
}
