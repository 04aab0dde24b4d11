using ValueChain.Cryptography;

namespace ValueChain.AppMarket;

/// <summary>
/// The EIP-712 domain of the reports a device signs: <c>ValueChain.AppMarket</c> version 1 on a chain, verified by the
/// marketplace's contract (its platform address on the chaincode drivers, the contract's address on Ethereum), so that
/// a report signed for one marketplace pays nothing on another.
/// </summary>
/// <param name="ChainId">The chain id (on Ethereum, the chain's).</param>
/// <param name="VerifyingContract">The marketplace's contract.</param>
public sealed record DeviceReportDomain(ulong ChainId, Address VerifyingContract)
{
    /// <summary>The EIP-712 domain.</summary>
    public Eip712Domain ToEip712() => new() { Name = "ValueChain.AppMarket", Version = "1", ChainId = ChainId, VerifyingContract = VerifyingContract };
}
