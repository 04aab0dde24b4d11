namespace ValueChain.Procurement.Ethereum;

/// <summary>
/// An address that calls read as, without a key: the translator rebuilds an event's payload from a restricted view
/// by reading as the account the contract lets read it (on Ethereum all state is public to node operators anyway).
/// It never signs; a send through it fails.
/// </summary>
internal sealed class ReadIdentity(Address address) : ISigner
{
    public Address Address { get; } = address;

    public ValueTask<RecoverableSignature> SignAsync(Hash32 digest, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException($"{Address} only reads; it holds no key.");
}
