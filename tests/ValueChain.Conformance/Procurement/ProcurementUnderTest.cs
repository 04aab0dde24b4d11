using ValueChain.Ledger;
using ValueChain.Procurement;

namespace ValueChain.Conformance.Procurement;

/// <summary>A marketplace deployment started for one test.</summary>
/// <param name="Contract">The port under test.</param>
/// <param name="Time">Control of ledger time.</param>
/// <param name="Owner">Disposed when the test ends.</param>
/// <param name="Gateway">The generic gateway beneath the port on drivers that run the C# chaincode, to send what the port never would; null on Ethereum.</param>
public sealed record ProcurementUnderTest(IProcurementContract Contract, ILedgerTimeControl Time, IAsyncDisposable Owner, IContractGateway? Gateway = null) : IAsyncDisposable
{
    /// <inheritdoc />
    public ValueTask DisposeAsync() => Owner.DisposeAsync();
}
