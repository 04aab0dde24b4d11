namespace ValueChain.Traceability;

public sealed partial class PartChainChaincode
{
    private async Task<string?> PlaceOrderAsync(PartChainStore store, PlaceOrderArgs args)
    {
        Participant buyer = await CallerAsync(store, ParticipantRole.Oem, ParticipantRole.Supplier);
        PartChainKeys.ValidateId(args.OrderId, "order id");
        PartChainKeys.ValidateId(args.PartNumber, "part number");
        if (args.Quantity is < 1 or > MaxPartsPerRegistration)
        {
            throw new ChaincodeException(ErrorCodes.InvalidFormat, $"An order is for 1 to {MaxPartsPerRegistration} parts, not {args.Quantity}.");
        }

        if (await ParticipantAsync(store, args.Supplier) is not { Role: ParticipantRole.Supplier, IsActive: true } || args.Supplier == buyer.Address)
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"{args.Supplier} is not an active supplier other than the buyer.");
        }

        if (await store.ExistsAsync(PartChainKeys.Order(args.OrderId)))
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"Order {args.OrderId} already exists.");
        }

        var order = new Order(args.OrderId, buyer.Address, args.Supplier, args.PartNumber, args.Quantity, args.RequestedDeliveryDate, OrderStatus.Open);
        await store.PutAsync(PartChainKeys.Order(order.OrderId), order, Json.Order);
        await store.MarkAsync(PartChainKeys.OrderOf(order.Buyer, order.OrderId));
        await store.MarkAsync(PartChainKeys.OrderOf(order.Supplier, order.OrderId));
        store.Emit(PartChainEvents.OrderPlaced, new IdArgs(order.OrderId), Json.IdArgs);
        return null;
    }

    private async Task<string?> DeclineOrderAsync(PartChainStore store, string orderId)
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

        await store.PutAsync(PartChainKeys.Order(orderId), order with { Status = OrderStatus.Declined }, Json.Order);
        store.Emit(PartChainEvents.OrderDeclined, new IdArgs(orderId), Json.IdArgs);
        return null;
    }

    private async Task<string?> CreateDeliveryAsync(PartChainStore store, CreateDeliveryArgs args)
    {
        Participant supplier = await CallerAsync(store, ParticipantRole.Supplier);
        PartChainKeys.ValidateId(args.DeliveryId, "delivery id");
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

        if (await store.ExistsAsync(PartChainKeys.Delivery(args.DeliveryId)))
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"Delivery {args.DeliveryId} already exists.");
        }

        var delivery = new Delivery(args.DeliveryId, order.OrderId, args.Lsp, args.PartIds, DeliveryStatus.Created);
        await store.PutAsync(PartChainKeys.Delivery(delivery.DeliveryId), delivery, Json.Delivery);
        await store.PutAsync(PartChainKeys.Order(order.OrderId), order with { Status = OrderStatus.InDelivery }, Json.Order);
        await store.MarkAsync(PartChainKeys.OrderOf(args.Lsp, order.OrderId));
        store.Emit(PartChainEvents.DeliveryCreated, new IdArgs(delivery.DeliveryId), Json.IdArgs);
        return null;
    }

    private static async Task<Order> OrderAsync(PartChainStore store, string orderId)
    {
        PartChainKeys.ValidateId(orderId, "order id");
        return await store.GetAsync(PartChainKeys.Order(orderId), Json.Order)
            ?? throw new ChaincodeException(ErrorCodes.NotFound, $"Order {orderId} does not exist.");
    }

    private static async Task<Delivery> DeliveryAsync(PartChainStore store, string deliveryId)
    {
        PartChainKeys.ValidateId(deliveryId, "delivery id");
        return await store.GetAsync(PartChainKeys.Delivery(deliveryId), Json.Delivery)
            ?? throw new ChaincodeException(ErrorCodes.NotFound, $"Delivery {deliveryId} does not exist.");
    }

    // Order and delivery details are for the order's buyer, supplier and logistics provider only.
    private static async Task<Order?> OrderForAsync(PartChainStore store, CallerIdArgs args)
    {
        if (await store.GetAsync(PartChainKeys.Order(args.Id), Json.Order) is not { } order)
        {
            return null;
        }

        await EnsurePartyAsync(store, order, args.Caller);
        return order;
    }

    private static async Task<Delivery?> DeliveryForAsync(PartChainStore store, CallerIdArgs args)
    {
        if (await store.GetAsync(PartChainKeys.Delivery(args.Id), Json.Delivery) is not { } delivery)
        {
            return null;
        }

        await EnsurePartyAsync(store, await OrderAsync(store, delivery.OrderId), args.Caller);
        return delivery;
    }

    private static async Task EnsurePartyAsync(PartChainStore store, Order order, Address caller)
    {
        bool isParty = caller == order.Buyer || caller == order.Supplier || await store.ExistsAsync(PartChainKeys.OrderOf(caller, order.OrderId));
        if (!isParty)
        {
            throw new ChaincodeException(ErrorCodes.Unauthorized, $"Order {order.OrderId} is visible to its buyer, supplier and logistics provider only.");
        }
    }

    private static async Task<List<Order>> OpenOrdersAsync(PartChainStore store, Address caller)
    {
        var orders = new List<Order>();
        foreach (string orderId in await store.IdsUnderAsync("ix-order", caller.ToLowerHex()))
        {
            Order order = (await store.GetAsync(PartChainKeys.Order(orderId), Json.Order))!;
            if (order.Status is OrderStatus.Open or OrderStatus.InDelivery)
            {
                orders.Add(order);
            }
        }

        return orders;
    }
}
