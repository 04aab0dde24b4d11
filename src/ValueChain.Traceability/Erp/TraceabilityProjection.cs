using System.Data.Common;
using System.Text.Json;
using ValueChain.Ledger;

namespace ValueChain.Traceability;

/// <summary>
/// Projects PartChain's ledger events into the relational read model an ERP system reads. Each block's
/// events are applied in one database transaction together with the checkpoint, so a restart resumes
/// exactly after the last committed block and never applies an event twice. Works on any ADO.NET
/// provider that speaks the shared SQL (SQLite through Microsoft.Data.Sqlite, PostgreSQL through Npgsql).
/// </summary>
public sealed class TraceabilityProjection
{
    private static readonly TraceabilityJsonContext Json = TraceabilityJsonContext.Default;
    private readonly ITraceabilityContract _contract;
    private readonly Func<DbConnection> _connect;
    private readonly ISigner? _participant;
    private readonly IInventorySink? _sink;

    /// <summary>Creates a projection.</summary>
    /// <param name="contract">Where events and (for the participant's own orders) details come from.</param>
    /// <param name="connect">Creates an unopened connection to the read-model database.</param>
    /// <param name="participant">Whose ERP this is: it signs the reads of its own orders and deliveries, which are projected; null projects parts and custody only.</param>
    /// <param name="sink">Told about inventory changes, or null.</param>
    public TraceabilityProjection(ITraceabilityContract contract, Func<DbConnection> connect, ISigner? participant = null, IInventorySink? sink = null)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(connect);
        _contract = contract;
        _connect = connect;
        _participant = participant;
        _sink = sink;
    }

    /// <summary>Creates the read model's tables, indexes and views when missing.</summary>
    public Task EnsureSchemaAsync(CancellationToken cancellationToken = default) => CreateSchemaAsync(_connect, cancellationToken);

    /// <summary>Creates the read model's tables, indexes and views when missing, without a projection (for bulk loads and readers).</summary>
    public static async Task CreateSchemaAsync(Func<DbConnection> connect, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connect);
        await using DbConnection connection = connect();
        await connection.OpenAsync(cancellationToken);
        foreach (string statement in ReadModelSchema.Create)
        {
            await ExecuteAsync(connection, null, statement, cancellationToken);
        }
    }

    /// <summary>The first block not yet projected.</summary>
    public async Task<long> GetCheckpointAsync(CancellationToken cancellationToken = default)
    {
        await using DbConnection connection = await OpenAsync(cancellationToken);
        return await CheckpointAsync(connection, cancellationToken);
    }

    /// <summary>Projects every committed event after the checkpoint; returns how many events were applied.</summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken = default)
    {
        await using DbConnection connection = await OpenAsync(cancellationToken);
        long from = await CheckpointAsync(connection, cancellationToken);
        IReadOnlyList<LedgerEvent> events = await _contract.GetEventsAsync(from, long.MaxValue, cancellationToken);
        foreach (IGrouping<long, LedgerEvent> block in events.GroupBy(e => e.BlockNumber))
        {
            await ApplyBlockAsync(connection, block.Key, block.ToList(), cancellationToken);
        }

        return events.Count;
    }

    /// <summary>Catches up, then follows new blocks until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            await CatchUpAsync(cancellationToken);
            long next = await GetCheckpointAsync(cancellationToken);

            // Wait for the first event beyond the checkpoint, then catch up again.
            await using IAsyncEnumerator<LedgerEvent> live = _contract.WatchEventsAsync(next, cancellationToken).GetAsyncEnumerator(cancellationToken);
            await live.MoveNextAsync();
        }
    }

    private async Task ApplyBlockAsync(DbConnection connection, long blockNumber, List<LedgerEvent> events, CancellationToken cancellationToken)
    {
        await using DbTransaction transaction = await connection.BeginTransactionAsync(cancellationToken);
        var changes = new List<InventoryChange>();
        var apply = new ReadModelWriter(connection, transaction, cancellationToken);
        foreach (LedgerEvent e in events)
        {
            await ApplyEventAsync(apply, e, changes, cancellationToken);
        }

        await apply.ExecuteAsync(
            "INSERT INTO pc_checkpoint (id, next_block) VALUES (1, @next) ON CONFLICT (id) DO UPDATE SET next_block = excluded.next_block",
            ("next", blockNumber + 1));
        if (_sink is not null && changes.Count > 0)
        {
            await _sink.OnInventoryChangedAsync(changes, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private async Task ApplyEventAsync(ReadModelWriter db, LedgerEvent e, List<InventoryChange> changes, CancellationToken cancellationToken)
    {
        switch (e.Name)
        {
            case TraceabilityEvents.PartsRegistered:
                foreach (Part part in JsonSerializer.Deserialize(e.PayloadJson, Json.ListPart)!)
                {
                    await db.UpsertPartAsync(part);
                    await db.InsertCustodyAsync(part.PartId, e, null, part.Owner, null);
                    changes.Add(new InventoryChange(part.Owner, part.PartId, part.PartNumber, +1, e.BlockNumber, e.Index));
                }

                break;
            case TraceabilityEvents.PartsAssembled:
                AssembleArgs assembled = JsonSerializer.Deserialize(e.PayloadJson, Json.AssembleArgs)!;
                foreach (string component in assembled.ComponentIds)
                {
                    await db.ExecuteAsync("INSERT INTO pc_genealogy (assembly_id, component_id) VALUES (@a, @c) ON CONFLICT DO NOTHING", ("a", assembled.AssemblyId), ("c", component));
                    await db.ExecuteAsync("UPDATE pc_part SET status = 'Installed', assembly_id = @a WHERE part_id = @c", ("a", assembled.AssemblyId), ("c", component));
                }

                break;
            case TraceabilityEvents.BatchRecalled:
                foreach (string partId in JsonSerializer.Deserialize(e.PayloadJson, Json.BatchRecall)!.PartIds)
                {
                    await db.ExecuteAsync("UPDATE pc_part SET status = 'Recalled' WHERE part_id = @p", ("p", partId));
                }

                break;
            case TraceabilityEvents.PickedUp or TraceabilityEvents.DeliveryAccepted or TraceabilityEvents.OwnershipCorrected:
                CustodyMove move = JsonSerializer.Deserialize(e.PayloadJson, Json.CustodyMove)!;
                foreach (string partId in move.PartIds)
                {
                    string partNumber = await db.PartNumberAsync(partId);
                    await db.ExecuteAsync("UPDATE pc_part SET owner = @o, status = @s WHERE part_id = @p", ("o", move.To.ToString()), ("s", move.Status.ToString()), ("p", partId));
                    await db.InsertCustodyAsync(partId, e, move.From, move.To, move.DeliveryId);
                    changes.Add(new InventoryChange(move.From, partId, partNumber, -1, e.BlockNumber, e.Index));
                    changes.Add(new InventoryChange(move.To, partId, partNumber, +1, e.BlockNumber, e.Index));
                }

                if (e.Name != TraceabilityEvents.OwnershipCorrected)
                {
                    await RefreshDeliveryAsync(db, move.DeliveryId, cancellationToken);
                }

                break;
            case TraceabilityEvents.OrderPlaced or TraceabilityEvents.OrderDeclined:
                await RefreshOrderAsync(db, JsonSerializer.Deserialize(e.PayloadJson, Json.IdArgs)!.Id, cancellationToken);
                break;
            case TraceabilityEvents.DeliveryCreated:
                await RefreshDeliveryAsync(db, JsonSerializer.Deserialize(e.PayloadJson, Json.IdArgs)!.Id, cancellationToken);
                break;
        }
    }

    // Order and delivery details come from the caller-checked queries, as this participant may see them.
    private async Task RefreshOrderAsync(ReadModelWriter db, string orderId, CancellationToken cancellationToken)
    {
        if (_participant is not { } me || await VisibleAsync(() => _contract.GetOrderAsync(me, orderId, cancellationToken)) is not { } order)
        {
            return;
        }

        await db.ExecuteAsync(
            "INSERT INTO pc_order (order_id, buyer, supplier, part_number, quantity, requested_delivery, status) VALUES (@id, @b, @s, @pn, @q, @r, @st) " +
            "ON CONFLICT (order_id) DO UPDATE SET status = excluded.status",
            ("id", order.OrderId), ("b", order.Buyer.ToString()), ("s", order.Supplier.ToString()), ("pn", order.PartNumber), ("q", order.Quantity),
            ("r", order.RequestedDeliveryDate.ToUnixTimeMilliseconds()), ("st", order.Status.ToString()));
    }

    private async Task RefreshDeliveryAsync(ReadModelWriter db, string deliveryId, CancellationToken cancellationToken)
    {
        if (_participant is not { } me || await VisibleAsync(() => _contract.GetDeliveryAsync(me, deliveryId, cancellationToken)) is not { } delivery)
        {
            return;
        }

        await db.ExecuteAsync(
            "INSERT INTO pc_delivery (delivery_id, order_id, lsp, part_count, status) VALUES (@id, @o, @l, @n, @s) ON CONFLICT (delivery_id) DO UPDATE SET status = excluded.status",
            ("id", delivery.DeliveryId), ("o", delivery.OrderId), ("l", delivery.Lsp.ToString()), ("n", delivery.PartIds.Count), ("s", delivery.Status.ToString()));
        await RefreshOrderAsync(db, delivery.OrderId, cancellationToken);
    }

    private static async Task<T?> VisibleAsync<T>(Func<Task<T?>> query) where T : class
    {
        try
        {
            return await query();
        }
        catch (ChaincodeException e) when (e.Code == ErrorCodes.Unauthorized)
        {
            return null;
        }
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        DbConnection connection = _connect();
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task<long> CheckpointAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = "SELECT next_block FROM pc_checkpoint WHERE id = 1";
        return await command.ExecuteScalarAsync(cancellationToken) is { } value and not DBNull ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using DbCommand command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
