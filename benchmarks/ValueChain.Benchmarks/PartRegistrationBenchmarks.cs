using BenchmarkDotNet.Attributes;
using ValueChain.Cryptography;
using ValueChain.Ledger.InMemory;
using ValueChain.Traceability;

namespace ValueChain.Benchmarks;

/// <summary>Registering 1000 parts on the embedded ledger (one block per transaction). One operation = 1000 parts.</summary>
[MemoryDiagnoser]
public class PartRegistrationBenchmarks
{
    private static readonly Location Plant = new(new GeoPoint(48_137_154, 11_576_124), "Plant");
    private InMemoryLedger _ledger = null!;
    private TraceabilityChaincodeAdapter _chain = null!;
    private EthereumSigner[] _suppliers = [];
    private int _round;

    [GlobalSetup]
    public void Setup()
    {
        _suppliers = Enumerable.Range(0, 10).Select(i => new EthereumSigner(PrivateKey.FromBytes(Keccak256.Hash(BitConverter.GetBytes(100 + i)).ToArray()))).ToArray();
        var options = new TraceabilityOptions();
        options.GenesisParticipants.Add(new Participant(_suppliers[0].Address, "Supplier 0", ParticipantRole.Supplier, true, DateTimeOffset.UnixEpoch, null));
        foreach (EthereumSigner supplier in _suppliers.Skip(1))
        {
            options.GenesisParticipants.Add(new Participant(supplier.Address, "Supplier", ParticipantRole.Supplier, false, DateTimeOffset.UnixEpoch, null));
        }

        _ledger = InMemoryLedger.Open(new InMemoryLedgerOptions { Membership = MembershipMode.Open }, [new TraceabilityChaincode(options)]);
        _chain = new TraceabilityChaincodeAdapter(_ledger);
    }

    [GlobalCleanup]
    public void Cleanup() => _ledger.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>One supplier registers 1000 parts, one transaction each, one after another.</summary>
    [Benchmark]
    public async Task OneParticipant_1000_transactions()
    {
        int round = Interlocked.Increment(ref _round);
        for (int i = 0; i < 1000; i++)
        {
            await _chain.RegisterPartsAsync(_suppliers[0], [new($"R{round}-{i}", "PN-1", "B-1")], Plant);
        }
    }

    /// <summary>Ten suppliers register 100 parts each, one transaction per part, all at once.</summary>
    [Benchmark]
    public Task TenParticipants_1000_transactions()
    {
        int round = Interlocked.Increment(ref _round);
        return Task.WhenAll(_suppliers.Select((supplier, s) => Task.Run(async () =>
        {
            for (int i = 0; i < 100; i++)
            {
                await _chain.RegisterPartsAsync(supplier, [new($"R{round}-{s}-{i}", "PN-1", "B-1")], Plant);
            }
        })));
    }

    /// <summary>One supplier registers 1000 parts in one transaction.</summary>
    [Benchmark]
    public Task OneParticipant_one_batch_of_1000()
    {
        int round = Interlocked.Increment(ref _round);
        return _chain.RegisterPartsAsync(_suppliers[0], Enumerable.Range(0, 1000).Select(i => new PartRegistration($"R{round}-{i}", "PN-1", "B-1")).ToList(), Plant);
    }
}
