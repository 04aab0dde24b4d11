using System.Data.Common;
using System.Text;
using static ValueChain.Conformance.Traceability.TraceabilityActors;

namespace ValueChain.Traceability.Tests;

/// <summary>The ERP projection's behaviour, the same on every database.</summary>
public abstract class ReadModelTests
{
    /// <summary>A new, empty database: a factory of unopened connections to it.</summary>
    protected abstract Task<Func<DbConnection>> NewDatabaseAsync();

    [Fact]
    public async Task The_case_study_projects_into_parts_custody_genealogy_orders_and_inventory()
    {
        await using CaseStudyLedger ledger = CaseStudyLedger.Start();
        await ledger.RunAsync();
        Func<DbConnection> db = await NewDatabaseAsync();
        var projection = new TraceabilityProjection(ledger.Contract, db, participant: Oem);
        await projection.EnsureSchemaAsync();

        int applied = await projection.CatchUpAsync();

        Assert.True(applied > 0);
        Assert.Equal(ledger.Ledger.Head.Number + 1, await projection.GetCheckpointAsync());
        Assert.Equal("Recalled|" + Tier1.Address, await ScalarAsync(db, "SELECT status || '|' || owner FROM pc_part WHERE part_id = 'SENSOR-1'"));
        Assert.Equal("Installed|" + Oem.Address + "|WVWZZZ1JZXW000001", await ScalarAsync(db, "SELECT status || '|' || owner || '|' || assembly_id FROM pc_part WHERE part_id = 'BRAKE-1'"));
        Assert.Equal("BRAKE-1>PAD-1,BRAKE-1>SENSOR-1,WVWZZZ1JZXW000001>BRAKE-1,WVWZZZ1JZXW000001>HORN-1",
            await JoinAsync(db, "SELECT assembly_id || '>' || component_id FROM pc_genealogy ORDER BY assembly_id, component_id"));
        Assert.Equal($"{Tier2a.Address}>{Lsp.Address}>{Tier1.Address}",
            await JoinAsync(db, "SELECT to_owner FROM pc_custody WHERE part_id = 'SENSOR-1' ORDER BY block_number, event_index", ">"));

        // The OEM's ERP sees its own orders and deliveries, not the tier-1's purchases from tier-2.
        Assert.Equal("O-OEM-1:Fulfilled,O-OEM-2:Fulfilled", await JoinAsync(db, "SELECT order_id || ':' || status FROM pc_order ORDER BY order_id"));
        Assert.Equal("D-OEM-1:Accepted,D-OEM-2:Accepted", await JoinAsync(db, "SELECT delivery_id || ':' || status FROM pc_delivery ORDER BY delivery_id"));
        Assert.Equal($"{Oem.Address}:PN-CAR:1", await JoinAsync(db, $"SELECT owner || ':' || part_number || ':' || quantity FROM pc_inventory WHERE owner = '{Oem.Address}'"));
        Assert.Equal("0", await ScalarAsync(db, "SELECT COUNT(*) FROM pc_part WHERE part_id = 'FAKE-77'"));
    }

    [Fact]
    public async Task A_projection_killed_mid_stream_resumes_without_double_applying_and_equals_a_fresh_rebuild()
    {
        await using CaseStudyLedger ledger = CaseStudyLedger.Start();
        await ledger.RunAsync();
        Func<DbConnection> interrupted = await NewDatabaseAsync();
        var crashingSink = new CrashingSink(crashAfter: 5);
        var first = new TraceabilityProjection(ledger.Contract, interrupted, Oem, crashingSink);
        await first.EnsureSchemaAsync();

        await Assert.ThrowsAsync<IOException>(() => first.CatchUpAsync());
        long stoppedAt = await first.GetCheckpointAsync();
        Assert.InRange(stoppedAt, 1, ledger.Ledger.Head.Number);

        var sink = new RecordingSink();
        var restarted = new TraceabilityProjection(ledger.Contract, interrupted, Oem, sink);
        await restarted.EnsureSchemaAsync();
        await restarted.CatchUpAsync();
        Assert.Equal(0, await restarted.CatchUpAsync());

        Func<DbConnection> fresh = await NewDatabaseAsync();
        var rebuild = new TraceabilityProjection(ledger.Contract, fresh, Oem);
        await rebuild.EnsureSchemaAsync();
        await rebuild.CatchUpAsync();

        Assert.Equal(await DumpAsync(fresh), await DumpAsync(interrupted));
        Assert.All(sink.Changes, c => Assert.True(c.BlockNumber >= stoppedAt));
    }

    [Fact]
    public async Task The_inventory_sink_hears_every_custody_move_and_the_balance_matches_the_ledger()
    {
        await using CaseStudyLedger ledger = CaseStudyLedger.Start();
        await ledger.RunAsync();
        var sink = new RecordingSink();
        var projection = new TraceabilityProjection(ledger.Contract, await NewDatabaseAsync(), sink: sink);
        await projection.EnsureSchemaAsync();

        await projection.CatchUpAsync();

        foreach (Address holder in new[] { Oem.Address, Tier1.Address, Tier2a.Address, Lsp.Address })
        {
            int balance = sink.Changes.Where(c => c.Participant == holder).Sum(c => c.Delta);
            Assert.Equal((await ledger.Contract.GetPartsByOwnerAsync(holder)).Count, balance);
        }

        Assert.Contains(sink.Changes, c => c is { PartId: "HORN-1", Delta: +1 } && c.Participant == Oem.Address);
    }

    [Fact]
    public async Task A_batch_recall_finds_the_parts_their_assemblies_and_the_vehicle_and_the_ledger_confirms_it()
    {
        await using CaseStudyLedger ledger = CaseStudyLedger.Start();
        await ledger.RunAsync();
        Func<DbConnection> db = await NewDatabaseAsync();
        var projection = new TraceabilityProjection(ledger.Contract, db);
        await projection.EnsureSchemaAsync();
        await projection.CatchUpAsync();
        var recall = new TraceabilityRecall(db, ledger.Contract);

        RecallResult result = await recall.FindByBatchAsync("B-S1");

        Assert.Equal(["SENSOR-1"], result.Parts);
        Assert.Equal(["BRAKE-1", "WVWZZZ1JZXW000001"], result.Assemblies);
        Assert.Equal(["WVWZZZ1JZXW000001"], result.Vehicles);
        Assert.True((await recall.VerifyBatchAsync("B-S1", result)).Matches);

        RecallVerification wrong = await recall.VerifyBatchAsync("B-S1", result with { Vehicles = [], Assemblies = ["BRAKE-1", "HORN-1"] });
        Assert.False(wrong.Matches);
        Assert.Equal(["assembly WVWZZZ1JZXW000001"], wrong.Missing);
        Assert.Equal(["assembly HORN-1"], wrong.Unexpected);

        RecallResult byParts = await recall.FindByPartsAsync(["HORN-1", "NOT-A-PART"]);
        Assert.Equal(["HORN-1"], byParts.Parts);
        Assert.Equal(["WVWZZZ1JZXW000001"], byParts.Assemblies);
        Assert.True((await recall.VerifyPartsAsync(["HORN-1", "NOT-A-PART"], byParts)).Matches);
        Assert.Empty((await recall.FindByBatchAsync("NO-SUCH-BATCH")).Parts);
    }

    [Fact]
    public async Task Run_follows_new_blocks_until_cancelled()
    {
        await using CaseStudyLedger ledger = CaseStudyLedger.Start();
        Func<DbConnection> db = await NewDatabaseAsync();
        var projection = new TraceabilityProjection(ledger.Contract, db);
        await projection.EnsureSchemaAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        Task running = projection.RunAsync(cancel.Token);

        await ledger.Contract.RegisterPartsAsync(Tier2a, [new("LIVE-1", "PN-LIVE", "B-L")], Plant);
        while (await ScalarAsync(db, "SELECT COUNT(*) FROM pc_part") == "0")
        {
            await Task.Delay(10, cancel.Token);
        }

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => running);
        Assert.Equal("1", await ScalarAsync(db, "SELECT COUNT(*) FROM pc_part WHERE part_id = 'LIVE-1'"));
    }

    private static async Task<string> ScalarAsync(Func<DbConnection> connect, string sql)
    {
        await using DbConnection connection = connect();
        await connection.OpenAsync();
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    private static async Task<string> JoinAsync(Func<DbConnection> connect, string sql, string separator = ",")
    {
        await using DbConnection connection = connect();
        await connection.OpenAsync();
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        var values = new List<string>();
        await using DbDataReader reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!);
        }

        return string.Join(separator, values);
    }

    private static async Task<string> DumpAsync(Func<DbConnection> connect)
    {
        var dump = new StringBuilder();
        await using DbConnection connection = connect();
        await connection.OpenAsync();
        foreach ((string table, string orderBy) in ReadModelSchema.Tables)
        {
            await using DbCommand command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM {table} ORDER BY {orderBy}";
            await using DbDataReader reader = await command.ExecuteReaderAsync();
            dump.AppendLine(table);
            while (await reader.ReadAsync())
            {
                for (int i = 0; i < reader.FieldCount; i++)
                {
                    dump.Append(Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                }

                dump.AppendLine();
            }
        }

        return dump.ToString();
    }

    private sealed class RecordingSink : IInventorySink
    {
        public List<InventoryChange> Changes { get; } = [];

        public Task OnInventoryChangedAsync(IReadOnlyList<InventoryChange> changes, CancellationToken cancellationToken)
        {
            Changes.AddRange(changes);
            return Task.CompletedTask;
        }
    }

    /// <summary>Fails like a crashed process after some notifications: the block being applied is rolled back.</summary>
    private sealed class CrashingSink(int crashAfter) : IInventorySink
    {
        private int _calls;

        public Task OnInventoryChangedAsync(IReadOnlyList<InventoryChange> changes, CancellationToken cancellationToken) =>
            ++_calls > crashAfter ? throw new IOException("the ERP connection dropped") : Task.CompletedTask;
    }
}

public sealed class SqliteReadModelTests : ReadModelTests, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("valuechain-sqlite-").FullName;

    protected override Task<Func<DbConnection>> NewDatabaseAsync()
    {
        string path = Path.Combine(_directory, Guid.NewGuid().ToString("N") + ".db");
        return Task.FromResult<Func<DbConnection>>(() => new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}

public sealed class PostgresReadModelTests(ValueChain.Testing.PostgresServer server) : ReadModelTests, IClassFixture<ValueChain.Testing.PostgresServer>
{
    protected override async Task<Func<DbConnection>> NewDatabaseAsync()
    {
        string connectionString = await server.CreateDatabaseAsync();
        return () => new Npgsql.NpgsqlConnection(connectionString);
    }
}
