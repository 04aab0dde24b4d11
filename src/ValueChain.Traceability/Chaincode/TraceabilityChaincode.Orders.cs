namespace ValueChain.Traceability;

public sealed partial class TraceabilityChaincode
{
    private async Task<string?> PlaceOrderAsync(TraceabilityStore store, PlaceOrderArgs args)
    {
        Participant buyer = await CallerAsync(store, ParticipantRole.Oem, ParticipantRole.Supplier);
        TraceabilityKeys.ValidateId(args.OrderId, "order id");
        TraceabilityKeys.ValidateId(args.PartNumber, "part number");
        if (args.Quantity is < 1 or > MaxPartsPerRegistration)
        {
            throw new ChaincodeException(ErrorCodes.InvalidFormat, $"An order is for 1 to {MaxPartsPerRegistration} parts, not {args.Quantity}.");
        }

        if (await ParticipantAsync(store, args.Supplier) is not { Role: ParticipantRole.Supplier, IsActive: true } || args.Supplier == buyer.Address)
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"{args.Supplier} is not an active supplier other than the buyer.");
        }

        if (await store.Details.ExistsAsync(TraceabilityKeys.Order(args.OrderId)))
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"Order {args.OrderId} already exists.");
        }

        var order = new Order(args.OrderId, buyer.Address, args.Supplier, args.PartNumber, args.Quantity, args.RequestedDeliveryDate, OrderStatus.Open);
        await store.Details.PutAsync(TraceabilityKeys.Order(order.OrderId), order, Json.Order);
        await store.Details.MarkAsync(TraceabilityKeys.OrderOf(order.Buyer, order.OrderId));
        await store.Details.MarkAsync(TraceabilityKeys.OrderOf(order.Supplier, order.OrderId));
        store.Emit(TraceabilityEvents.OrderPlaced, new IdArgs(order.OrderId), Json.IdArgs);
        return null;
    }

    private async Task<string?> DeclineOrderAsync(TraceabilityStore store, string orderId)
    {
        Participant supplier = await CallerAsync(store, ParticipantRole.Supplier);
        Order order = await OrderAsync(store, orderId);
        if (order.Supplier != supplier.Address)
        {
            throw new ChaincodeException(ErrorCodes.Unauthorized, $"Only the supplier of order {orderId} may decline it.");
        }

        if (order.Status != OrderStatus.Open)
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"Order {orderId} is {order.Status}; only an open order can be declined.");
        }

        await store.Details.PutAsync(TraceabilityKeys.Order(orderId), order with { Status = OrderStatus.Declined }, Json.Order);
        store.Emit(TraceabilityEvents.OrderDeclined, new IdArgs(orderId), Json.IdArgs);
        return null;
    }

    private async Task<string?> CreateDeliveryAsync(TraceabilityStore store, CreateDeliveryArgs args)
    {
        Participant supplier = await CallerAsync(store, ParticipantRole.Supplier);
        TraceabilityKeys.ValidateId(args.DeliveryId, "delivery id");
        Order order = await OrderAsync(store, args.OrderId);
        if (order.Supplier != supplier.Address)
        {
            throw new ChaincodeException(ErrorCodes.Unauthorized, $"Only the supplier of order {order.OrderId} may deliver it.");
        }

        if (order.Status != OrderStatus.Open)
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"Order {order.OrderId} is {order.Status}, not open.");
        }

        if (await ParticipantAsync(store, args.Lsp) is not { Role: ParticipantRole.Lsp, IsActive: true })
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"{args.Lsp} is not an active logistics provider.");
        }

        if (args.PartIds is null || args.PartIds.Count != order.Quantity || args.PartIds.Distinct(StringComparer.Ordinal).Count() != order.Quantity)
        {
            throw new ChaincodeException(ErrorCodes.InvalidFormat, $"Order {order.OrderId} needs exactly {order.Quantity} distinct parts, not {args.PartIds?.Count ?? 0}.");
        }

        foreach (string partId in args.PartIds)
        {
            Part part = await OwnedActivePartAsync(store, partId, supplier);
            if (part.PartNumber != order.PartNumber)
            {
                throw new ChaincodeException(ErrorCodes.Conflict, $"Part {partId} is a {part.PartNumber}; order {order.OrderId} is for {order.PartNumber}.");
            }
        }

        if (await store.Details.ExistsAsync(TraceabilityKeys.Delivery(args.DeliveryId)))
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"Delivery {args.DeliveryId} already exists.");
        }

        var delivery = new Delivery(args.DeliveryId, order.OrderId, args.Lsp, args.PartIds, DeliveryStatus.Created);
        await store.Details.PutAsync(TraceabilityKeys.Delivery(delivery.DeliveryId), delivery, Json.Delivery);
        await store.Details.PutAsync(TraceabilityKeys.Order(order.OrderId), order with { Status = OrderStatus.InDelivery }, Json.Order);
        await store.Details.MarkAsync(TraceabilityKeys.OrderOf(args.Lsp, order.OrderId));
        store.Emit(TraceabilityEvents.DeliveryCreated, new IdArgs(delivery.DeliveryId), Json.IdArgs);
        return null;
    }

    private static async Task<Order> OrderAsync(TraceabilityStore store, string orderId)
    {
        TraceabilityKeys.ValidateId(orderId, "order id");
        return await store.Details.GetAsync(TraceabilityKeys.Order(orderId), Json.Order)
            ?? throw new ChaincodeException(ErrorCodes.NotFound, $"Order {orderId} does not exist.");
    }

    private static async Task<Delivery> DeliveryAsync(TraceabilityStore store, string deliveryId)
    {
        TraceabilityKeys.ValidateId(deliveryId, "delivery id");
        return await store.Details.GetAsync(TraceabilityKeys.Delivery(deliveryId), Json.Delivery)
            ?? throw new ChaincodeException(ErrorCodes.NotFound, $"Delivery {deliveryId} does not exist.");
    }

    // Order and delivery details are for the order's buyer, supplier and logistics provider only. The
    // reader is the signer of the query (the context's caller), never an argument; an anonymous query
    // has no participant behind it and is refused before anything is looked up.
    private async Task<Order?> OrderForAsync(TraceabilityStore store, string orderId)
    {
        Participant reader = await CallerAsync(store);
        if (await store.Details.GetAsync(TraceabilityKeys.Order(orderId), Json.Order) is not { } order)
        {
            return null;
        }

        await EnsurePartyAsync(store, order, reader.Address);
        return order;
    }

    private async Task<Delivery?> DeliveryForAsync(TraceabilityStore store, string deliveryId)
    {
        Participant reader = await CallerAsync(store);
        if (await store.Details.GetAsync(TraceabilityKeys.Delivery(deliveryId), Json.Delivery) is not { } delivery)
        {
            return null;
        }

        await EnsurePartyAsync(store, await OrderAsync(store, delivery.OrderId), reader.Address);
        return delivery;
    }

    private static async Task EnsurePartyAsync(TraceabilityStore store, Order order, Address reader)
    {
        bool isParty = reader == order.Buyer || reader == order.Supplier || await store.Details.ExistsAsync(TraceabilityKeys.OrderOf(reader, order.OrderId));
        if (!isParty)
        {
            throw new ChaincodeException(ErrorCodes.Unauthorized, $"Order {order.OrderId} is visible to its buyer, supplier and logistics provider only.");
        }
    }

    private async Task<List<Order>> OpenOrdersAsync(TraceabilityStore store)
    {
        Participant reader = await CallerAsync(store);
        var orders = new List<Order>();
        foreach (string orderId in await store.Details.IdsUnderAsync("ix-order", reader.Address.ToLowerHex()))
        {
            Order order = (await store.Details.GetAsync(TraceabilityKeys.Order(orderId), Json.Order))!;
            if (order.Status is OrderStatus.Open or OrderStatus.InDelivery)
            {
                orders.Add(order);
            }
        }

        return orders;
    }
}
