using System.Collections.Immutable;

namespace ValueChain.Traceability;

/// <summary>
/// The argument properties of the functions that write order and delivery details which are kept private (JSON
/// names): the adapter marks them (<see cref="ValueChain.Ledger.ContractInvocation.PrivateArguments"/>), so that
/// on Fabric they travel as transient data, and the chaincode reads them from there when the deployment keeps the
/// details in a collection. The order and delivery ids stay arguments: the events name them on every ledger.
/// </summary>
internal static class TraceabilityPrivateArguments
{
    /// <summary>placeOrder: who supplies what, how many and by when.</summary>
    public static readonly ImmutableArray<string> PlaceOrder = ["supplier", "partNumber", "quantity", "requestedDeliveryDate"];

    /// <summary>createDelivery: which order, which logistics provider and which parts.</summary>
    public static readonly ImmutableArray<string> CreateDelivery = ["orderId", "lsp", "partIds"];
}
