using System.Text;
using System.Text.Json;
using ValueChain.Conformance.Ledger;
using ValueChain.Cryptography;

namespace ValueChain.Ledger.InMemory.Tests;

/// <summary>Keys and ledgers for the embedded ledger's tests.</summary>
internal static class TestLedgers
{
    public static readonly DateTimeOffset Start = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    /// <summary>A fixed key per name, so failures are reproducible.</summary>
    public static EthereumSigner Signer(string name) => new(PrivateKey.FromBytes(Keccak256.Hash(Encoding.UTF8.GetBytes("test key " + name)).ToArray()));

    public static EthereumSigner Admin { get; } = Signer("admin");

    public static IReadOnlyList<EthereumSigner> Members { get; } = [Admin, Signer("member-1"), Signer("member-2")];

    public static InMemoryLedgerOptions Options(Action<InMemoryLedgerOptions>? configure = null)
    {
        var options = new InMemoryLedgerOptions { Clock = new ManualLedgerClock(Start), ProducerKey = PrivateKey.FromBytes(Keccak256.Hash("producer"u8).ToArray()) };
        options.Admins.Add(Admin.Address);
        foreach (EthereumSigner member in Members.Skip(1))
        {
            options.Members.Add(member.Address);
        }

        configure?.Invoke(options);
        return options;
    }

    public static InMemoryLedger Open(Action<InMemoryLedgerOptions>? configure = null) =>
        InMemoryLedger.Open(Options(configure), [new ConformanceChaincode()]);

    public static ContractInvocation Put(string key, string value) =>
        new(ConformanceChaincode.ChaincodeName, "put", JsonSerializer.Serialize(new { key, value }));

    public static string? Get(InMemoryLedger ledger, string key) =>
        ledger.GetState(ConformanceChaincode.ChaincodeName, key) is { } value ? Encoding.UTF8.GetString(value) : null;
}
