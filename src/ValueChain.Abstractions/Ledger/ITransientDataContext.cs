namespace ValueChain.Ledger;

/// <summary>
/// Transient data on a ledger that has it (Fabric: the proposal's transient map): values the caller sent to the
/// endorsing peers with the invocation but that are not part of the transaction, so they never reach the channel's
/// blocks. An <see cref="IChaincodeContext"/> that also implements this interface gives them to the chaincode; with
/// private data collections (<see cref="IPrivateDataContext"/>) this is how private inputs stay private.
/// </summary>
public interface ITransientDataContext
{
    /// <summary>The invocation's transient entries by name (empty when the caller sent none).</summary>
    IReadOnlyDictionary<string, ReadOnlyMemory<byte>> TransientData { get; }
}
