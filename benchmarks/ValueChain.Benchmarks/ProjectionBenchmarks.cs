using System.Data.Common;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Npgsql;
using ValueChain.Cryptography;
using ValueChain.Ledger.InMemory;
using ValueChain.Testing;
using ValueChain.Traceability;

namespace ValueChain.Benchmarks;

/// <summary>
/// ERP projection catch-up: a fresh read model reads a ledger's PartChain events from block 0. The
/// ledger holds 1000 registrations of 10 parts and 500 assemblies; one operation is one ledger event.
/// </summary>
public class ProjectionBenchmarks
{
    private const int Registrations = 1000, Assemblies = 500;
    private InMemoryLedger _ledger = null!;
    private TraceabilityChaincodeAdapter _chain = null!;
    private PostgresServer? _postgres;
    private Func<DbConnection> _connect = null!;
    private string? _file;

    /// <summary>The read-model database.</summary>
    [Params("sqlite", "postgres")]
    public string Database { get; set; } = "sqlite";

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup()
    {
        _ledger.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _postgres?.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [IterationSetup]
    public void NewDatabase() => NewDatabaseAsync().GetAwaiter().GetResult();

    [IterationCleanup]
    public void DropDatabase()
    {
        if (_file is not null)
        {
            SqliteConnection.ClearAllPools();
            File.Delete(_file);
        }
    }

    /// <summary>Projects every event into the empty read model.</summary>
    [Benchmark(OperationsPerInvoke = Registrations + Assemblies)]
    public Task<int> CatchUp() => new TraceabilityProjection(_chain, _connect).CatchUpAsync();

    private async Task SetupAsync()
    {
        var supplier = new EthereumSigner(PrivateKey.FromBytes(Keccak256.Hash("projection supplier"u8).ToArray()));
        var options = new TraceabilityOptions();
        options.GenesisParticipants.Add(new Participant(supplier.Address, "Supplier", ParticipantRole.Supplier, true, DateTimeOffset.UnixEpoch, null));
        _ledger = InMemoryLedger.Open(new InMemoryLedgerOptions { Membership = MembershipMode.Open, MaxBlockTransactions = 100 }, [new TraceabilityChaincode(options)]);
        _chain = new TraceabilityChaincodeAdapter(_ledger);
        var plant = new Location(new GeoPoint(48_137_154, 11_576_124), "Plant");
        await Task.WhenAll(Enumerable.Range(0, Registrations).Select(r => _chain.RegisterPartsAsync(supplier,
            Enumerable.Range(0, 10).Select(i => new PartRegistration($"P{r}-{i}", "PN-" + (i % 3), "B-" + (r / 50), i == 0 ? PartKind.Assembly : PartKind.Component)).ToList(), plant)));
        await Task.WhenAll(Enumerable.Range(0, Assemblies).Select(r => _chain.AssembleAsync(supplier, $"P{r}-0", [$"P{r}-1", $"P{r}-2", $"P{r}-3"], plant)));
        if (Database == "postgres")
        {
            _postgres = new PostgresServer();
            await _postgres.InitializeAsync();
        }
    }

    private async Task NewDatabaseAsync()
    {
        if (_postgres is not null)
        {
            string connectionString = await _postgres.CreateDatabaseAsync();
            _connect = () => new NpgsqlConnection(connectionString);
        }
        else
        {
            _file = Path.Combine(Path.GetTempPath(), $"valuechain-projection-{Guid.NewGuid():N}.db");
            string file = _file;
            _connect = () => new SqliteConnection($"Data Source={file}");
        }

        await TraceabilityProjection.CreateSchemaAsync(_connect);
    }
}
