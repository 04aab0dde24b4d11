using ValueChain.Ledger;

namespace ValueChain.Procurement;

public sealed partial class ProcurementChaincode
{
    private static async Task<PurchaseOrder> ExistingOrderAsync(ChaincodeState state, string orderId)
    {
        ProcurementValidation.RequireId(orderId, "orderId");
        return await state.GetAsync(ProcurementKeys.Order(orderId), Json.PurchaseOrder)
            ?? throw new ChaincodeException(ErrorCodes.NotFound, $"There is no order {orderId}.");
    }

    /// <summary>
    /// A machine orders the quotation version it ranked: the contract re-checks that the quotation is approved for
    /// the machine's company, valid at ledger time, of the slot's material and still at that version, then moves
    /// price × quantity from the machine's account into escrow (through the machine's allowance for the escrow).
    /// </summary>
    private async Task<string?> PlaceOrderAsync(ChaincodeState state, OrderRequest request)
    {
        Machine machine = await MachineCallerAsync(state);
        ProcurementValidation.RequireId(request.OrderId, "orderId");
        MaterialSlot slot = RequireSlot(machine, request.MaterialNumber, "materialNumber");
        ProcurementValidation.RequireQuantity(request.Quantity, "quantity");
        Quotation quotation = await ExistingQuotationAsync(state, request.QuotationId);
        if (request.QuotationVersion != quotation.Version)
        {
            throw request.QuotationVersion >= 1 && request.QuotationVersion < quotation.Version
                ? new ChaincodeException(ProcurementErrorCodes.SupersededQuotation, $"Quotation {quotation.QuotationId} version {request.QuotationVersion} was superseded by version {quotation.Version}; rank again.")
                : ProcurementValidation.Invalid("quotationVersion", $"quotation {quotation.QuotationId} has no version {request.QuotationVersion}; its latest is {quotation.Version}.");
        }

        if (!await state.ExistsAsync(ProcurementKeys.Approval(machine.CompanyId, quotation.QuotationId)))
        {
            throw new ChaincodeException(ProcurementErrorCodes.NotApproved, $"Quotation {quotation.QuotationId} is not approved for company {machine.CompanyId}.");
        }

        if (!quotation.IsValidAt(state.Context.Timestamp))
        {
            throw new ChaincodeException(ProcurementErrorCodes.QuotationNotValid, $"Quotation {quotation.QuotationId} is valid from {quotation.ValidFrom:O} to {quotation.ValidUntil:O}, not at {state.Context.Timestamp:O}.");
        }

        if (quotation.MaterialNumber != slot.MaterialNumber)
        {
            throw new ChaincodeException(ProcurementErrorCodes.WrongMaterial, $"Quotation {quotation.QuotationId} offers '{quotation.MaterialNumber}', not '{slot.MaterialNumber}'.");
        }

        if (quotation.Supplier == machine.Address)
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"Machine {machine.MachineId} cannot order its own quotation {quotation.QuotationId}.");
        }

        if (await state.ExistsAsync(ProcurementKeys.OpenSlotOrder(machine.MachineId, slot.MaterialNumber)))
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"Machine {machine.MachineId} has an open order for '{slot.MaterialNumber}' already; one open order per slot.");
        }

        if (request.Quantity > slot.FreeSpace)
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"The slot for '{slot.MaterialNumber}' has room for {slot.FreeSpace}, not {request.Quantity}.");
        }

        if (await state.ExistsAsync(ProcurementKeys.Order(request.OrderId)))
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"Order {request.OrderId} exists already; an order id is used once.");
        }

        UInt256 total = ProcurementValidation.Total(quotation.PricePerUnit, request.Quantity);
        DateTimeOffset requestedBy = state.Context.Timestamp + quotation.DeliveryTime;
        var order = new PurchaseOrder(
            request.OrderId, machine.MachineId, machine.Address, machine.CompanyId, quotation.QuotationId, quotation.Version, quotation.Supplier, quotation.SupplierCompany,
            slot.MaterialNumber, request.Quantity, quotation.PricePerUnit, total, state.Context.Timestamp, requestedBy, requestedBy + _options.CancellationGrace, OrderStatus.Open, null, null);
        await _escrow.LockAsync(state.Context, order.OrderId, machine.Address, order.Supplier, total, order.CancellableFrom);
        await state.PutAsync(ProcurementKeys.Order(order.OrderId), order, Json.PurchaseOrder);
        await state.MarkAsync(ProcurementKeys.MachineOrder(machine.MachineId, order.OrderId));
        await state.PutAsync(ProcurementKeys.OpenSlotOrder(machine.MachineId, slot.MaterialNumber), new IdArgs(order.OrderId), Json.IdArgs);
        state.Emit(ProcurementEvents.OrderPlaced, order, Json.PurchaseOrder);
        return null;
    }

    private async Task<string?> BookServiceAsync(ChaincodeState state, BookServiceArgs args)
    {
        Machine machine = await MachineCallerAsync(state);
        ProcurementValidation.RequireId(args.ServiceId, "serviceId");
        if (await UserAsync(state, args.Engineer) is not { IsActive: true, Role: ProcurementRole.ServiceEngineer } engineer || engineer.CompanyId != machine.CompanyId)
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"{args.Engineer} is not an active service engineer of company {machine.CompanyId}.");
        }

        if (args.OrderId is not null && (await ExistingOrderAsync(state, args.OrderId)).MachineId != machine.MachineId)
        {
            throw new ChaincodeException(ErrorCodes.Unauthorized, $"Order {args.OrderId} is not machine {machine.MachineId}'s.");
        }

        if (await state.ExistsAsync(ProcurementKeys.Service(args.ServiceId)))
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"Service order {args.ServiceId} exists already; a service id is used once.");
        }

        var service = new ServiceOrder(args.ServiceId, machine.MachineId, args.Engineer, args.OrderId, state.Context.Timestamp, ServiceStatus.Booked, null);
        await state.PutAsync(ProcurementKeys.Service(service.ServiceId), service, Json.ServiceOrder);
        state.Emit(ProcurementEvents.ServiceBooked, service, Json.ServiceOrder);
        return null;
    }

    // Arrival and cancellation stay open to a machine whose company was removed, so that no escrow is ever stuck.
    private async Task<(Machine Machine, PurchaseOrder Order)> OpenOrderOfCallerAsync(ChaincodeState state, string orderId)
    {
        Machine machine = await MachineCallerAsync(state, activeCompany: false);
        PurchaseOrder order = await ExistingOrderAsync(state, orderId);
        if (order.Machine != machine.Address)
        {
            throw new ChaincodeException(ErrorCodes.Unauthorized, $"Order {orderId} is machine {order.MachineId}'s, not {machine.MachineId}'s.");
        }

        return order.Status == OrderStatus.Open
            ? (machine, order)
            : throw new ChaincodeException(ErrorCodes.Conflict, $"Order {orderId} is {order.Status}; only an open order arrives or is cancelled.");
    }

    private async Task<string?> ConfirmArrivalAsync(ChaincodeState state, string orderId)
    {
        (Machine machine, PurchaseOrder order) = await OpenOrderOfCallerAsync(state, orderId);
        bool onTime = state.Context.Timestamp <= order.RequestedBy;
        PurchaseOrder closed = order with { Status = OrderStatus.Closed, ClosedAt = state.Context.Timestamp, OnTime = onTime };
        await CloseOrderAsync(state, closed, e => e with { Deliveries = e.Deliveries + 1, OnTimeDeliveries = e.OnTimeDeliveries + (onTime ? 1 : 0) });
        await SaveMachineAsync(state, WithStock(machine, order.MaterialNumber, order.Quantity));
        await _escrow.ReleaseAsync(state.Context, order.OrderId);
        state.Emit(ProcurementEvents.OrderDelivered, closed, Json.PurchaseOrder);
        return null;
    }

    private async Task<string?> CancelOrderAsync(ChaincodeState state, string orderId)
    {
        (_, PurchaseOrder order) = await OpenOrderOfCallerAsync(state, orderId);
        await _escrow.RefundAsync(state.Context, order.OrderId);
        PurchaseOrder cancelled = order with { Status = OrderStatus.Cancelled, ClosedAt = state.Context.Timestamp };
        await CloseOrderAsync(state, cancelled, e => e with { FailedDeliveries = e.FailedDeliveries + 1 });
        state.Emit(ProcurementEvents.OrderCancelled, cancelled, Json.PurchaseOrder);
        return null;
    }

    private async Task CloseOrderAsync(ChaincodeState state, PurchaseOrder order, Func<SupplierEvaluation, SupplierEvaluation> rate)
    {
        await state.PutAsync(ProcurementKeys.Order(order.OrderId), order, Json.PurchaseOrder);
        await state.DeleteAsync(ProcurementKeys.OpenSlotOrder(order.MachineId, order.MaterialNumber));
        Company supplier = (await CompanyAsync(state, order.SupplierCompany))!;
        Company rated = supplier with { Evaluation = rate(supplier.Evaluation) };
        await state.PutAsync(ProcurementKeys.Company(rated.CompanyId), rated, Json.Company);
        state.Emit(ProcurementEvents.SupplierRated, rated, Json.Company);
    }

    private async Task<PurchaseOrder?> OrderForCallerAsync(ChaincodeState state, string orderId)
    {
        ProcurementValidation.RequireId(orderId, "orderId");
        PurchaseOrder? order = await state.GetAsync(ProcurementKeys.Order(orderId), Json.PurchaseOrder);
        if (order is null)
        {
            return null;
        }

        Address caller = state.Context.Caller;
        bool supplierSide = caller == order.Supplier || (await _membership.IsActiveMemberAsync(state.Context, caller) && await UserCompanyAsync(state, caller) == order.SupplierCompany);
        return supplierSide || await IsOwnSideAsync(state, await ExistingMachineAsync(state, order.MachineId))
            ? order
            : throw new ChaincodeException(ErrorCodes.Unauthorized, $"Order {orderId} is read by its machine, its company and its supplier's company only; {caller} is none of them.");
    }

    private async Task<List<PurchaseOrder>> MachineOrdersAsync(ChaincodeState state, string machineId)
    {
        Machine machine = await ExistingMachineAsync(state, machineId);
        await RequireOwnSideAsync(state, machine, "orders");
        var orders = new List<PurchaseOrder>();
        foreach (string orderId in await state.IdsUnderAsync("machine-order", machine.MachineId))
        {
            orders.Add((await state.GetAsync(ProcurementKeys.Order(orderId), Json.PurchaseOrder))!);
        }

        return orders;
    }

    private async Task<ServiceOrder?> ServiceForCallerAsync(ChaincodeState state, string serviceId)
    {
        ProcurementValidation.RequireId(serviceId, "serviceId");
        ServiceOrder? service = await state.GetAsync(ProcurementKeys.Service(serviceId), Json.ServiceOrder);
        if (service is not null)
        {
            await RequireOwnSideAsync(state, await ExistingMachineAsync(state, service.MachineId), "service orders");
        }

        return service;
    }

    private async Task RequireOwnSideAsync(ChaincodeState state, Machine machine, string what)
    {
        if (!await IsOwnSideAsync(state, machine))
        {
            throw new ChaincodeException(ErrorCodes.Unauthorized, $"Machine {machine.MachineId}'s {what} are read by the machine and its company only; {state.Context.Caller} is neither.");
        }
    }
}
