using System.Data.Common;

namespace ValueChain.Traceability;

/// <summary>
/// Recall analysis. Answers come from the projected read model (indexed, so the time grows with the
/// affected set, not with the fleet); <see cref="VerifyBatchAsync"/> derives the same answer from the
/// ledger to prove an answer right.
/// </summary>
public sealed class TraceabilityRecall
{
    // Walk up the genealogy from the recalled parts (depth 0); SQLite and PostgreSQL run it as written.
    private static string AffectedQuery(string seed) =>
        "WITH RECURSIVE affected(part_id, depth) AS (" + seed +
        " UNION SELECT g.assembly_id, a.depth + 1 FROM pc_genealogy g JOIN affected a ON g.component_id = a.part_id) " +
        "SELECT DISTINCT part_id, depth FROM affected";

    private readonly Func<DbConnection> _readModel;
    private readonly ITraceabilityContract? _ledger;

    /// <summary>Creates the recall service over a read model kept by <see cref="TraceabilityProjection"/>.</summary>
    /// <param name="readModel">Creates unopened connections to the read model.</param>
    /// <param name="ledger">The ledger the read model projects, to verify answers; null for queries only.</param>
    public TraceabilityRecall(Func<DbConnection> readModel, ITraceabilityContract? ledger = null)
    {
        ArgumentNullException.ThrowIfNull(readModel);
        _readModel = readModel;
        _ledger = ledger;
    }

    private ITraceabilityContract Ledger => _ledger
        ?? throw new InvalidOperationException("This TraceabilityRecall has no ledger to verify against; pass the contract to its constructor.");

    /// <summary>Everything a recall of <paramref name="batchNumber"/> affects, from the read model.</summary>
    public Task<RecallResult> FindByBatchAsync(string batchNumber, CancellationToken cancellationToken = default) =>
        FindAsync("SELECT part_id, 0 FROM pc_part WHERE batch_number = @p0", [batchNumber], cancellationToken);

    /// <summary>Everything a recall of <paramref name="partIds"/> affects, from the read model.</summary>
    public Task<RecallResult> FindByPartsAsync(IReadOnlyList<string> partIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(partIds);
        if (partIds.Count == 0)
        {
            return Task.FromResult(new RecallResult([], [], []));
        }

        string list = string.Join(", ", partIds.Select((_, i) => $"@p{i}"));
        return FindAsync($"SELECT part_id, 0 FROM pc_part WHERE part_id IN ({list})", partIds, cancellationToken);
    }

    /// <summary>Derives the recall of <paramref name="batchNumber"/> from the ledger and compares it with <paramref name="answer"/>.</summary>
    public async Task<RecallVerification> VerifyBatchAsync(string batchNumber, RecallResult answer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(answer);
        IReadOnlyList<Part> parts = await Ledger.GetPartsByBatchAsync(batchNumber, cancellationToken);
        return await CompareWithLedgerAsync(parts.Select(p => p.PartId).ToList(), answer, cancellationToken);
    }

    /// <summary>Derives the recall of <paramref name="partIds"/> from the ledger and compares it with <paramref name="answer"/>.</summary>
    public async Task<RecallVerification> VerifyPartsAsync(IReadOnlyList<string> partIds, RecallResult answer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(partIds);
        ArgumentNullException.ThrowIfNull(answer);
        var registered = new List<string>();
        foreach (string partId in partIds)
        {
            if (await Ledger.GetPartAsync(partId, cancellationToken) is not null)
            {
                registered.Add(partId);
            }
        }

        return await CompareWithLedgerAsync(registered, answer, cancellationToken);
    }

    private async Task<RecallVerification> CompareWithLedgerAsync(List<string> recalled, RecallResult answer, CancellationToken cancellationToken)
    {
        // Walk up through each part's assembly as the ledger records it.
        var assemblies = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string partId in recalled)
        {
            for (string? parent = (await Ledger.GetPartAsync(partId, cancellationToken))?.AssemblyId; parent is not null && assemblies.Add(parent);)
            {
                parent = (await Ledger.GetPartAsync(parent, cancellationToken))?.AssemblyId;
            }
        }

        RecallResult derived = Result(recalled, assemblies);
        string[] expected = [.. derived.Parts.Select(p => "part " + p), .. derived.Assemblies.Select(a => "assembly " + a)];
        string[] given = [.. answer.Parts.Select(p => "part " + p), .. answer.Assemblies.Select(a => "assembly " + a)];
        string[] missing = expected.Except(given, StringComparer.Ordinal).ToArray();
        string[] unexpected = given.Except(expected, StringComparer.Ordinal).ToArray();
        bool vehiclesMatch = derived.Vehicles.SequenceEqual(answer.Vehicles, StringComparer.Ordinal);
        return new RecallVerification(missing.Length == 0 && unexpected.Length == 0 && vehiclesMatch, missing, unexpected);
    }

    private async Task<RecallResult> FindAsync(string seed, IReadOnlyList<string> values, CancellationToken cancellationToken)
    {
        await using DbConnection connection = _readModel();
        await connection.OpenAsync(cancellationToken);
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = AffectedQuery(seed);
        for (int i = 0; i < values.Count; i++)
        {
            DbParameter parameter = command.CreateParameter();
            parameter.ParameterName = $"p{i}";
            parameter.Value = values[i];
            command.Parameters.Add(parameter);
        }

        var parts = new List<string>();
        var assemblies = new SortedSet<string>(StringComparer.Ordinal);
        await using DbDataReader reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            string id = reader.GetString(0);
            if (Convert.ToInt64(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture) == 0)
            {
                parts.Add(id);
            }
            else
            {
                assemblies.Add(id);
            }
        }

        return Result(parts, assemblies);
    }

    private static RecallResult Result(IEnumerable<string> parts, IEnumerable<string> assemblies)
    {
        List<string> sortedAssemblies = assemblies.Order(StringComparer.Ordinal).ToList();
        return new RecallResult(
            parts.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            sortedAssemblies,
            sortedAssemblies.Where(Vin.IsVin).ToList());
    }
}
