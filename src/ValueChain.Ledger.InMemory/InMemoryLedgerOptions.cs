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

    /// <summary>
    /// Whether opening a persisted ledger verifies the blocks it replays (the default) or trusts the file.
    /// With a checkpoint, only the blocks after it are replayed and so verified; the blocks before are
    /// covered by the checkpoint's binding to a block hash and state hash, and by
    /// <see cref="VerifyInBackground"/> or <see cref="InMemoryLedger.VerifyAsync"/>.
    /// </summary>
    public bool VerifyOnOpen { get; set; } = true;

    /// <summary>
    /// Whether a persisted ledger, once open, verifies its whole chain from genesis in the background
    /// (<see cref="InMemoryLedger.BackgroundVerification"/>, outcome logged). Off by default.
    /// </summary>
    public bool VerifyInBackground { get; set; }

    /// <summary>
    /// After how many committed transactions a persisted ledger writes a checkpoint of its state, in the
    /// background (default 100 000); 0 writes none, so every open replays from genesis.
    /// </summary>
    public long CheckpointInterval { get; set; } = 100_000;

    /// <summary>How many checkpoints a persisted ledger keeps, newest first (default 2: one to fall back on).</summary>
    public int CheckpointsToKeep { get; set; } = 2;

    /// <summary>How many decoded blocks a persisted ledger keeps in memory for reads (default 256); older ones are read from disk.</summary>
    public int BlockCacheSize { get; set; } = 256;

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
