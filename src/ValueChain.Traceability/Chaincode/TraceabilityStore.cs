using System.Globalization;
using System.Text;
using System.Text.Json.Serialization.Metadata;
using ValueChain.Ledger;

namespace ValueChain.Traceability;

/// <summary>
/// PartChain's state: parts with their owner index, and each part's event history, in world state; order and
/// delivery details (the orders, the deliveries and the index of each party's orders) in <see cref="Details"/>.
/// </summary>
internal sealed class TraceabilityStore(IChaincodeContext context, string detailsCollection) : ChaincodeState(context)
{
    private static TraceabilityJsonContext Json => TraceabilityJsonContext.Default;

    /// <summary>
    /// Where order and delivery details are kept: the private data collection <see cref="TraceabilityOptions.DetailsCollection"/>
    /// when the ledger has it (Fabric, with the collection in the chaincode definition), else world state. Who may read
    /// them is the same rule either way (buyer, supplier and logistics provider of the order).
    /// </summary>
    public ChaincodeState Details { get; } = new ChaincodeState(context).Private(detailsCollection);

    /// <summary>
    /// A function's arguments of which <paramref name="privateNames"/> are order or delivery details: sent as transient
    /// data where the ledger has it, and required so where the details are kept in <see cref="TraceabilityOptions.DetailsCollection"/>.
    /// </summary>
    public T DetailsArguments<T>(string json, JsonTypeInfo<T> type, IReadOnlyCollection<string> privateNames) =>
        ParsePrivateArguments(json, type, detailsCollection, privateNames);

    public Task<Part?> PartAsync(string id) => GetAsync(TraceabilityKeys.Part(id), Json.Part);

    public async Task SavePartAsync(Part part, Part? before)
    {
        await PutAsync(TraceabilityKeys.Part(part.PartId), part, Json.Part);
        if (before is not null && before.Owner != part.Owner)
        {
            await DeleteAsync(TraceabilityKeys.ByOwner(before.Owner, part.PartId));
        }

        if (before is null || before.Owner != part.Owner)
        {
            await MarkAsync(TraceabilityKeys.ByOwner(part.Owner, part.PartId));
        }
    }

    /// <summary>Appends an event to a part's history.</summary>
    public async Task AppendEventAsync(string partId, PartEventType type, Location? location, string? related)
    {
        string counter = TraceabilityKeys.EventCount(partId);
        ReadOnlyMemory<byte>? raw = await Context.GetStateAsync(counter);
        int count = raw is null ? 0 : int.Parse(Encoding.UTF8.GetString(raw.Value.Span), CultureInfo.InvariantCulture);
        var stored = new StoredEvent(type, Context.Caller, location, Context.Timestamp, Context.TransactionId, related);
        await PutAsync(TraceabilityKeys.Event(partId, count), stored, Json.StoredEvent);
        await Context.PutStateAsync(counter, Encoding.UTF8.GetBytes((count + 1).ToString(CultureInfo.InvariantCulture)));
    }
}
