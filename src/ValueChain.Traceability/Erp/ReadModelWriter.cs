using System.Data.Common;

namespace ValueChain.Traceability;

/// <summary>Parameterised writes of one block's projection, inside its transaction.</summary>
internal sealed class ReadModelWriter(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
{
    public async Task ExecuteAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using DbCommand command = Command(sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<string> PartNumberAsync(string partId)
    {
        await using DbCommand command = Command("SELECT part_number FROM pc_part WHERE part_id = @p", [("p", partId)]);
        return (string?)await command.ExecuteScalarAsync(cancellationToken) ?? "";
    }

    public Task UpsertPartAsync(Part part) => ExecuteAsync(
        "INSERT INTO pc_part (part_id, part_number, batch_number, manufacturer, owner, kind, status, registered_at, assembly_id) " +
        "VALUES (@id, @pn, @b, @m, @o, @k, @s, @t, @a) ON CONFLICT (part_id) DO NOTHING",
        ("id", part.PartId), ("pn", part.PartNumber), ("b", part.BatchNumber), ("m", part.Manufacturer.ToString()), ("o", part.Owner.ToString()),
        ("k", part.Kind.ToString()), ("s", part.Status.ToString()), ("t", part.RegisteredAt.ToUnixTimeMilliseconds()), ("a", part.AssemblyId));

    public Task InsertCustodyAsync(string partId, Ledger.LedgerEvent e, Address? from, Address to, string? deliveryId) => ExecuteAsync(
        "INSERT INTO pc_custody (part_id, block_number, event_index, from_owner, to_owner, delivery_id) VALUES (@p, @b, @i, @f, @t, @d) ON CONFLICT DO NOTHING",
        ("p", partId), ("b", e.BlockNumber), ("i", e.Index), ("f", from?.ToString()), ("t", to.ToString()), ("d", deliveryId));

    private DbCommand Command(string sql, (string Name, object? Value)[] parameters)
    {
        DbCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach ((string name, object? value) in parameters)
        {
            DbParameter parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
