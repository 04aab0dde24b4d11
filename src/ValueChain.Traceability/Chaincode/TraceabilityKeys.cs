using ValueChain.Ledger;

namespace ValueChain.Traceability;

/// <summary>
/// The chaincode's state keys. Parts of a key are joined with the unit separator U+001F, which ids may
/// not contain, so that one id can never reach into another's keys and prefix ranges are exact.
/// </summary>
internal static class TraceabilityKeys
{
    // Invitations are kept by the ConsortiumMembership block under the prefix "membership" (its layout: prefix·invitation·address).
    public static string Invitation(Address a) => Join("membership", "invitation", a.ToLowerHex());

    public static string Part(string id) => Join("part", id);

    public static string EventCount(string partId) => Join("eventcount", partId);

    public static string Event(string partId, int sequence) => Join("event", partId, sequence.ToString("D8", System.Globalization.CultureInfo.InvariantCulture));

    public static string ByPartNumber(string partNumber, string partId) => Join("ix-partnumber", partNumber, partId);

    public static string ByBatch(string batch, string partId) => Join("ix-batch", batch, partId);

    public static string ByOwner(Address owner, string partId) => Join("ix-owner", owner.ToLowerHex(), partId);

    public static string Component(string assemblyId, string componentId) => Join("ix-component", assemblyId, componentId);

    public static string Order(string id) => Join("order", id);

    public static string OrderOf(Address party, string orderId) => Join("ix-order", party.ToLowerHex(), orderId);

    public static string Delivery(string id) => Join("delivery", id);

    public static string Correction(string id) => Join("correction", id);

    public static string Rejection(string deliveryId, int sequence) => Join("rejection", deliveryId, sequence.ToString("D4", System.Globalization.CultureInfo.InvariantCulture));


    /// <summary>Ids (part, order, delivery, batch and part numbers) are 1 to 128 printable characters.</summary>
    public static void ValidateId(string? id, string what)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 128 || id.Any(char.IsControl))
        {
            throw new ChaincodeException(ErrorCodes.InvalidFormat, $"The {what} '{id}' is not valid: use 1 to 128 printable characters.");
        }
    }

    private static string Join(params string[] parts) => ChaincodeState.Key(parts);
}
