namespace ValueChain.Ledger.Ethereum;

/// <summary>One contract of a <see cref="DeploymentManifest"/>.</summary>
/// <param name="Address">Where it was deployed.</param>
/// <param name="Block">The block of the deployment.</param>
/// <param name="TransactionHash">The deployment transaction.</param>
/// <param name="CodeHash">Keccak-256 of the creation bytecode and constructor arguments: a changed contract or argument is deployed again.</param>
public sealed record DeployedContract(Address Address, ulong Block, Hash32 TransactionHash, Hash32 CodeHash);
