using ValueChain.Ledger;

namespace ValueChain.Conformance;

/// <summary>A chaincode deployed for one scenario.</summary>
/// <param name="Gateway">The generic port the chaincode adapter calls (under the chaincode's own name).</param>
/// <param name="Time">Control of ledger time.</param>
/// <param name="Owner">Disposed when the scenario ends.</param>
public sealed record HostedChaincode(IContractGateway Gateway, ILedgerTimeControl Time, IAsyncDisposable Owner);
