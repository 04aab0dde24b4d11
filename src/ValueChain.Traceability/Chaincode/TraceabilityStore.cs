using System.Globalization;
using System.Text;
using ValueChain.Ledger;

namespace ValueChain.Traceability;

/// <summary>PartChain's state: parts with their owner index, and each part's event history.</summary>
internal sealed class TraceabilityStore(IChaincodeContext context) : ChaincodeState(context)
{
    private static TraceabilityJsonContext Json => TraceabilityJsonContext.Default;

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
