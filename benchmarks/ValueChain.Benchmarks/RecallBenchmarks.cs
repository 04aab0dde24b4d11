using System.Data.Common;
using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using ValueChain.Testing;
using ValueChain.Traceability;

namespace ValueChain.Benchmarks;

/// <summary>
/// Recall of one batch over a generated fleet, from the read model. Each vehicle (VIN) holds four
/// modules of four components each: 20 tracked parts in three levels. A component batch is 500
/// parts, so every recall affects 500 components, 500 modules and 500 vehicles whatever the fleet.
/// The genealogy is bulk-loaded straight into the read model (SQLite file, PostgreSQL via COPY).
/// </summary>
public class RecallBenchmarks
{
    private const int BatchSize = 500;
    private PostgresServer? _postgres;
    private Func<DbConnection> _connect = null!;
    private TraceabilityRecall _recall = null!;
    private string? _sqliteFile;

    /// <summary>The fleet size.</summary>
    [Params(10_000, 100_000, 1_000_000)]
    public int Vehicles { get; set; }

    /// <summary>The read-model database.</summary>
    [Params("sqlite", "postgres")]
    public string Database { get; set; } = "sqlite";

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_postgres is not null)
        {
            _postgres.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        if (_sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            File.Delete(_sqliteFile);
        }
    }

    /// <summary>Recall of one component batch in the middle of the fleet: parts, modules and vehicles.</summary>
    [Benchmark]
    public Task<RecallResult> RecallOneBatch() => _recall.FindByBatchAsync($"C07-B{Vehicles / BatchSize / 2:D5}");

    private async Task SetupAsync()
    {
        if (Database == "postgres")
        {
            _postgres = new PostgresServer();
            await _postgres.InitializeAsync();
            string connectionString = await _postgres.CreateDatabaseAsync();
            _connect = () => new NpgsqlConnection(connectionString);
        }
        else
        {
            _sqliteFile = Path.Combine(Path.GetTempPath(), $"valuechain-recall-{Vehicles}-{Guid.NewGuid():N}.db");
            _connect = () => new SqliteConnection($"Data Source={_sqliteFile}");
        }

        // The schema comes from the projection; the rows are loaded in bulk.
        await TraceabilityProjection.CreateSchemaAsync(_connect);
        await using DbConnection connection = _connect();
        await connection.OpenAsync();
        if (connection is NpgsqlConnection postgres)
        {
            await LoadPostgresAsync(postgres);
        }
        else
        {
            await LoadSqliteAsync((SqliteConnection)connection);
        }

        _recall = new TraceabilityRecall(_connect);
        RecallResult check = await RecallOneBatch();
        if (check.Parts.Count != BatchSize || check.Vehicles.Count != BatchSize || check.Assemblies.Count != 2 * BatchSize)
        {
            throw new InvalidOperationException($"The generated fleet is wrong: {check.Parts.Count} parts, {check.Assemblies.Count} assemblies, {check.Vehicles.Count} vehicles.");
        }
    }

    // Yields (part id, part number, batch, kind, assembly id) for the whole fleet, then the genealogy edges.
    private IEnumerable<(string Id, string PartNumber, string Batch, string Kind, string? Assembly)> Parts()
    {
        for (int v = 0; v < Vehicles; v++)
        {
            string vin = $"WVWZZZ{v:D11}";
            string batch = $"B{v / BatchSize:D5}";
            yield return (vin, "PN-VEHICLE", "V" + batch, "Assembly", null);
            for (int m = 0; m < 4; m++)
            {
                string module = $"M{m}-{v:D7}";
                yield return (module, $"PN-M{m}", $"M{m}-{batch}", "Assembly", vin);
                for (int c = 0; c < 4; c++)
                {
                    int type = m * 4 + c;
                    yield return ($"C{type:D2}-{v:D7}", $"PN-C{type:D2}", $"C{type:D2}-{batch}", "Component", module);
                }
            }
        }
    }

    private async Task LoadSqliteAsync(SqliteConnection connection)
    {
        await using (SqliteCommand pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;";
            await pragma.ExecuteNonQueryAsync();
        }

        await using SqliteTransaction transaction = connection.BeginTransaction();
        await using SqliteCommand part = connection.CreateCommand();
        part.Transaction = transaction;
        part.CommandText = "INSERT INTO pc_part VALUES (@id, @pn, @b, 'm', 'o', @k, 'Active', 0, @a)";
        SqliteParameter id = part.Parameters.Add("@id", SqliteType.Text), pn = part.Parameters.Add("@pn", SqliteType.Text),
            b = part.Parameters.Add("@b", SqliteType.Text), k = part.Parameters.Add("@k", SqliteType.Text), a = part.Parameters.Add("@a", SqliteType.Text);
        await using SqliteCommand edge = connection.CreateCommand();
        edge.Transaction = transaction;
        edge.CommandText = "INSERT INTO pc_genealogy VALUES (@asm, @comp)";
        SqliteParameter asm = edge.Parameters.Add("@asm", SqliteType.Text), comp = edge.Parameters.Add("@comp", SqliteType.Text);
        foreach (var p in Parts())
        {
            (id.Value, pn.Value, b.Value, k.Value, a.Value) = (p.Id, p.PartNumber, p.Batch, p.Kind, (object?)p.Assembly ?? DBNull.Value);
            await part.ExecuteNonQueryAsync();
            if (p.Assembly is not null)
            {
                (asm.Value, comp.Value) = (p.Assembly, p.Id);
                await edge.ExecuteNonQueryAsync();
            }
        }

        await transaction.CommitAsync();
    }

    private async Task LoadPostgresAsync(NpgsqlConnection connection)
    {
        await using (NpgsqlBinaryImporter parts = await connection.BeginBinaryImportAsync(
            "COPY pc_part (part_id, part_number, batch_number, manufacturer, owner, kind, status, registered_at, assembly_id) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var p in Parts())
            {
                await parts.StartRowAsync();
                await parts.WriteAsync(p.Id, NpgsqlDbType.Text);
                await parts.WriteAsync(p.PartNumber, NpgsqlDbType.Text);
                await parts.WriteAsync(p.Batch, NpgsqlDbType.Text);
                await parts.WriteAsync("m", NpgsqlDbType.Text);
                await parts.WriteAsync("o", NpgsqlDbType.Text);
                await parts.WriteAsync(p.Kind, NpgsqlDbType.Text);
                await parts.WriteAsync("Active", NpgsqlDbType.Text);
                await parts.WriteAsync(0L, NpgsqlDbType.Bigint);
                await parts.WriteAsync(p.Assembly, NpgsqlDbType.Text);
            }

            await parts.CompleteAsync();
        }

        await using (NpgsqlBinaryImporter edges = await connection.BeginBinaryImportAsync("COPY pc_genealogy (assembly_id, component_id) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var p in Parts().Where(p => p.Assembly is not null))
            {
                await edges.StartRowAsync();
                await edges.WriteAsync(p.Assembly!, NpgsqlDbType.Text);
                await edges.WriteAsync(p.Id, NpgsqlDbType.Text);
            }

            await edges.CompleteAsync();
        }

        await using NpgsqlCommand analyze = new("ANALYZE", connection);
        await analyze.ExecuteNonQueryAsync();
    }
}
