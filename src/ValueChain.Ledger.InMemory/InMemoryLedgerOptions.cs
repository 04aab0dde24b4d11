using ValueChain.Cryptography;

namespace ValueChain.Ledger.InMemory;

/// <summary>Options of the embedded ledger.</summary>
public sealed class InMemoryLedgerOptions
{
    /// <summary>The network id that every transaction signs, so that it cannot be replayed on another ledger.</summary>
    public string NetworkId { get; set; } = "valuechain-embedded";

    /// <summary>The most transactions in one block; 1 (the default) makes one block per transaction.</summary>
    public int MaxBlockTransactions { get; set; } = 1;

    /// <summary>
    /// How long the block producer waits for more transactions before it seals a block that is not full.
    /// Zero (the default) seals as soon as the waiting transactions are executed.
    /// </summary>
    public TimeSpan BlockLinger { get; set; } = TimeSpan.Zero;

    /// <summary>A folder for the append-only block file; null (the default) keeps the ledger in memory only.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Whether opening a persisted ledger verifies every block first (the default) or trusts the file.</summary>
    public bool VerifyOnOpen { get; set; } = true;

    /// <summary>
    /// How far a signed query's timestamp may lie from ledger time, either way (default two minutes).
    /// Older or later queries are refused with <see cref="ErrorCodes.StaleQuery"/>, so a captured signed
    /// query cannot be replayed to read confidential state later.
    /// </summary>
    public TimeSpan QueryValidity { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Who may submit transactions.</summary>
    public MembershipMode Membership { get; set; } = MembershipMode.Permissioned;

    /// <summary>Genesis admins: members who may add and remove members.</summary>
    public IList<Address> Admins { get; } = [];

    /// <summary>Genesis members.</summary>
    public IList<Address> Members { get; } = [];

    /// <summary>The source of ledger time; <see cref="TimeProvider.System"/> by default, a <see cref="ManualLedgerClock"/> in tests and simulations.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>
    /// The key that signs blocks. When null, an in-memory ledger makes a random one and a persisted
    /// ledger keeps one in <c>producer.key</c> in its data directory.
    /// </summary>
    public PrivateKey? ProducerKey { get; set; }
}
