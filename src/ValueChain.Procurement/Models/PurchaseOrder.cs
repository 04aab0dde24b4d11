namespace ValueChain.Procurement;

/// <summary>A machine's order against a quotation version, with its payment held in escrow until arrival or cancellation.</summary>
/// <param name="OrderId">Its id (the one scanned on arrival).</param>
/// <param name="MachineId">The ordering machine.</param>
/// <param name="Machine">The ordering machine's address (the payer).</param>
/// <param name="CompanyId">The machine's company.</param>
/// <param name="QuotationId">The quotation ordered.</param>
/// <param name="QuotationVersion">The version ordered.</param>
/// <param name="Supplier">Who is paid on arrival (a supplier user or a supplying machine).</param>
/// <param name="SupplierCompany">The supplier's company, whose evaluation the outcome updates.</param>
/// <param name="MaterialNumber">The material.</param>
/// <param name="Quantity">How many units.</param>
/// <param name="PricePerUnit">The version's price per unit.</param>
/// <param name="Total">Price × quantity, held in escrow.</param>
/// <param name="OrderedAt">The ledger time of the order.</param>
/// <param name="RequestedBy">When it should arrive: the order time plus the promised delivery time.</param>
/// <param name="CancellableFrom">From when the machine may cancel: the requested time plus the deployment's grace period.</param>
/// <param name="Status">Open, closed or cancelled.</param>
/// <param name="ClosedAt">The ledger time of arrival or cancellation, or null while open.</param>
/// <param name="OnTime">Whether it arrived by the requested time; null while open or when cancelled.</param>
public sealed record PurchaseOrder(
    string OrderId,
    string MachineId,
    Address Machine,
    string CompanyId,
    long QuotationId,
    int QuotationVersion,
    Address Supplier,
    string SupplierCompany,
    string MaterialNumber,
    long Quantity,
    UInt256 PricePerUnit,
    UInt256 Total,
    DateTimeOffset OrderedAt,
    DateTimeOffset RequestedBy,
    DateTimeOffset CancellableFrom,
    OrderStatus Status,
    DateTimeOffset? ClosedAt,
    bool? OnTime);
