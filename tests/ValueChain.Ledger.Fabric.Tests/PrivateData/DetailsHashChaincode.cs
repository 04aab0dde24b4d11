using System.Collections.Frozen;

namespace ValueChain.Ledger.Fabric.Tests.PrivateData;

/// <summary>
/// A chaincode with two functions added for the private-data tests: <c>detailsHash</c> and <c>detailsValue</c> answer,
/// in hex (or null), the hash and the value a peer holds for <c>{"key":…}</c> in <paramref name="collection"/>; every
/// other call goes to <paramref name="inner"/> unchanged.
/// </summary>
internal sealed class DetailsHashChaincode(IChaincode inner, string collection) : IChaincode
{
    public string Name => inner.Name;

    public IReadOnlySet<string> Functions { get; } = inner.Functions.Append("detailsHash").Append("detailsValue").ToFrozenSet(StringComparer.Ordinal);

    public async ValueTask<string?> InvokeAsync(IChaincodeContext context, string functionName, string argumentsJson, CancellationToken cancellationToken = default)
    {
        if (functionName is not ("detailsHash" or "detailsValue"))
        {
            return await inner.InvokeAsync(context, functionName, argumentsJson, cancellationToken);
        }

        IPrivateDataContext store = context as IPrivateDataContext ?? throw new ChaincodeException(ErrorCodes.Configuration, "This ledger has no private data.");
        string key = System.Text.Json.JsonDocument.Parse(argumentsJson).RootElement.GetProperty("key").GetString()!;
        ReadOnlyMemory<byte>? found = functionName == "detailsHash"
            ? await store.GetPrivateDataHashAsync(collection, key, cancellationToken)
            : await store.GetPrivateDataAsync(collection, key, cancellationToken);
        return System.Text.Json.JsonSerializer.Serialize(found is { } bytes ? Convert.ToHexStringLower(bytes.Span) : null);
    }
}
