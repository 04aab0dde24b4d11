using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ValueChain.Procurement;

/// <summary>
/// A machine's own off-chain agent: it watches the machine's slots and maintenance schedule, fires the corrective
/// trigger (stock at or below the threshold: order the best quotation, filling the slot) and the preventive trigger
/// (maintenance due: book the service engineer), confirms arrivals of scanned packages and cancels orders overdue past
/// their grace period. It keeps no state of its own: every pass reads the machine and its orders from the ledger, and
/// its order and service ids follow from what the ledger holds, so that an agent restarted at any point never places
/// a second order for a slot (the contract also refuses a second open order per slot) and completes the cycle.
/// </summary>
public sealed class MachineAgent : BackgroundService
{
    private readonly IProcurementContract _contract;
    private readonly ISigner _machine;
    private readonly MachineAgentOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ProcurementClient _client;

    /// <summary>Creates the agent of the machine whose key is <paramref name="machine"/>.</summary>
    /// <param name="contract">The marketplace.</param>
    /// <param name="machine">The machine's key.</param>
    /// <param name="options">Its behaviour.</param>
    /// <param name="time">The clock of the hosted loop's waits (the system's by default); the triggers use ledger time.</param>
    /// <param name="logger">Where it reports what it did.</param>
    public MachineAgent(IProcurementContract contract, ISigner machine, MachineAgentOptions? options = null, TimeProvider? time = null, ILogger<MachineAgent>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(machine);
        _contract = contract;
        _machine = machine;
        _options = options ?? new MachineAgentOptions();
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger<MachineAgent>.Instance;
        _client = new ProcurementClient(contract, machine, _options.StartingRate);
    }

    /// <summary>Raised for everything the agent does, after it is on the ledger.</summary>
    public event EventHandler<MachineAgentAction>? Acted;

    /// <summary>
    /// One pass at ledger time <paramref name="now"/>: cancels overdue orders, fires the corrective trigger for every
    /// slot without an open order, and the preventive trigger when maintenance is due. Returns what it did.
    /// </summary>
    /// <exception cref="ChaincodeException">The key is no registered machine, or the ledger refused a step.</exception>
    public async Task<IReadOnlyList<MachineAgentAction>> RunOnceAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        Machine machine = await RequireMachineAsync(cancellationToken);
        IReadOnlyList<PurchaseOrder> orders = await _contract.GetMachineOrdersAsync(_machine, machine.MachineId, cancellationToken);
        var actions = new List<MachineAgentAction>();
        var open = orders.Where(o => o.Status == OrderStatus.Open).ToList();
        foreach (PurchaseOrder overdue in open.Where(o => _options.CancelOverdueOrders && now >= o.CancellableFrom).ToList())
        {
            await _contract.CancelOrderAsync(_machine, overdue.OrderId, cancellationToken);
            open.Remove(overdue);
            actions.Add(Report(new MachineAgentAction(MachineAgentActionKind.Cancelled, machine.MachineId, overdue.MaterialNumber, overdue.OrderId)));
        }

        foreach (MaterialSlot slot in machine.Slots.Where(s => s.NeedsReorder && !open.Any(o => o.MaterialNumber == s.MaterialNumber)))
        {
            // The id counts the slot's orders on the ledger: after a restart the agent computes the same id, and the ledger refuses a repeat.
            string orderId = $"{machine.MachineId}-{slot.MaterialNumber}-{orders.Count(o => o.MaterialNumber == slot.MaterialNumber) + 1}";
            (RankedQuotation? chosen, PurchaseOrder? placed) = await _client.OrderBestAsync(machine.CompanyId, orderId, slot.MaterialNumber, slot.FreeSpace, cancellationToken);
            actions.Add(Report(chosen is null
                ? new MachineAgentAction(MachineAgentActionKind.NoQuotation, machine.MachineId, slot.MaterialNumber, null)
                : new MachineAgentAction(MachineAgentActionKind.Ordered, machine.MachineId, slot.MaterialNumber, orderId, chosen.Quotation.QuotationId) { Order = placed }));
        }

        if (now >= machine.MaintenanceDue && _options.ServiceEngineer is { } engineer)
        {
            // One preventive service per book length: the id is the same after a restart until an entry is recorded.
            string serviceId = $"{machine.MachineId}-PM-{machine.BookLength + 1}";
            if (await _contract.GetServiceOrderAsync(_machine, serviceId, cancellationToken) is null)
            {
                await _contract.BookServiceAsync(_machine, serviceId, engineer, null, cancellationToken);
                actions.Add(Report(new MachineAgentAction(MachineAgentActionKind.ServiceBooked, machine.MachineId, null, serviceId)));
            }
        }

        return actions;
    }

    /// <summary>
    /// The machine scanned <paramref name="orderId"/> on a package: confirms the arrival of its open order. A scan of an
    /// order already closed (a repeat, or after a restart) changes nothing and returns false.
    /// </summary>
    /// <exception cref="ChaincodeException">The order is not this machine's, does not exist, or the ledger refused the arrival.</exception>
    public async Task<bool> ScanArrivalAsync(string orderId, CancellationToken cancellationToken = default)
    {
        PurchaseOrder order = await _contract.GetOrderAsync(_machine, orderId, cancellationToken)
            ?? throw new ChaincodeException(ErrorCodes.NotFound, $"There is no order {orderId}.");
        if (order.Machine != _machine.Address)
        {
            throw new ChaincodeException(ErrorCodes.Unauthorized, $"Order {orderId} belongs to machine {order.MachineId}.");
        }

        if (order.Status != OrderStatus.Open)
        {
            MachineAgentLog.ScannedAgain(_logger, order.MachineId, orderId, order.Status);
            return false;
        }

        await _contract.ConfirmArrivalAsync(_machine, orderId, cancellationToken);
        Report(new MachineAgentAction(MachineAgentActionKind.ArrivalConfirmed, order.MachineId, order.MaterialNumber, orderId, order.QuotationId));
        return true;
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(_time.GetUtcNow(), stoppingToken);
            }
            catch (ValueChainException e)
            {
                // A refused step is retried on the next pass, from what the ledger then holds.
                MachineAgentLog.PassFailed(_logger, e, _machine.Address, e.Code);
            }

            await Task.Delay(_options.PollInterval, _time, stoppingToken);
        }
    }

    private async Task<Machine> RequireMachineAsync(CancellationToken cancellationToken) =>
        await _contract.GetMachineByAddressAsync(_machine.Address, cancellationToken)
            ?? throw new ChaincodeException(ErrorCodes.Unauthorized, $"{_machine.Address} is not a registered machine.");

    private MachineAgentAction Report(MachineAgentAction action)
    {
        MachineAgentLog.Acted(_logger, action.MachineId, action.Kind, action.MaterialNumber, action.Reference, action.QuotationId);
        Acted?.Invoke(this, action);
        return action;
    }
}
