namespace ValueChain.Ledger.InMemory;

/// <summary>A checkpoint read back: the block it is bound to, the state it records (rebuilt) and the nonces.</summary>
internal sealed record LoadedCheckpoint(long BlockNumber, Hash32 BlockHash, Hash32 StateHash, StateBuilder State, Dictionary<Address, ulong> Nonces);
