namespace ValueChain.Traceability;

public sealed partial class TraceabilityChaincode
{
    private async Task<string?> PickUpAsync(TraceabilityStore store, HandoverArgs args)
    {
        Participant lsp = await CallerAsync(store, ParticipantRole.Lsp);
        Delivery delivery = await DeliveryAsync(store, args.DeliveryId);
        if (delivery.Lsp != lsp.Address)
        {
            throw new ChaincodeException(ErrorCodes.Unauthorized, $"Delivery {delivery.DeliveryId} is carried by {delivery.Lsp}, not by {lsp.Name}.");
        }

        if (delivery.Status != DeliveryStatus.Created)
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"Delivery {delivery.DeliveryId} is {delivery.Status}; it can be picked up only once.");
        }

        Order order = await OrderAsync(store, delivery.OrderId);
        List<RejectedPart> problems = await CompareScanAsync(store, delivery, args.ScannedPartIds, expectedHolder: order.Supplier);
        if (problems.Count > 0)
        {
            return Result(await RejectAsync(store, delivery, HandoverStage.PickUp, problems, args.Location));
        }

        await TransferAsync(store, delivery, lsp.Address, PartStatus.InTransit, PartEventType.PickedUp, args.Location);
        await store.Details.PutAsync(TraceabilityKeys.Delivery(delivery.DeliveryId), delivery with { Status = DeliveryStatus.PickedUp }, Json.Delivery);
        store.Emit(TraceabilityEvents.PickedUp, new CustodyMove(delivery.DeliveryId, delivery.PartIds, order.Supplier, lsp.Address, PartStatus.InTransit), Json.CustodyMove);
        return null;
    }

    private async Task<string?> AcceptAsync(TraceabilityStore store, HandoverArgs args)
    {
        Participant buyer = await CallerAsync(store, ParticipantRole.Oem, ParticipantRole.Supplier);
        Delivery delivery = await DeliveryAsync(store, args.DeliveryId);
        Order order = await OrderAsync(store, delivery.OrderId);
        if (order.Buyer != buyer.Address)
        {
            throw new ChaincodeException(ErrorCodes.Unauthorized, $"Only the buyer of order {order.OrderId} may accept delivery {delivery.DeliveryId}.");
        }

        if (delivery.Status != DeliveryStatus.PickedUp)
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"Delivery {delivery.DeliveryId} is {delivery.Status}; it must be picked up first.");
        }

        List<RejectedPart> problems = await CompareScanAsync(store, delivery, args.ScannedPartIds, expectedHolder: delivery.Lsp);
        if (store.Context.Timestamp > order.RequestedDeliveryDate + _options.LateTolerance)
        {
            problems.Add(new RejectedPart("", RejectionReason.Late));
        }

        if (problems.Count > 0)
        {
            return Result(await RejectAsync(store, delivery, HandoverStage.Acceptance, problems, args.Location));
        }

        await TransferAsync(store, delivery, buyer.Address, PartStatus.Active, PartEventType.Delivered, args.Location);
        await store.Details.PutAsync(TraceabilityKeys.Delivery(delivery.DeliveryId), delivery with { Status = DeliveryStatus.Accepted }, Json.Delivery);
        await store.Details.PutAsync(TraceabilityKeys.Order(order.OrderId), order with { Status = OrderStatus.Fulfilled }, Json.Order);
        store.Emit(TraceabilityEvents.DeliveryAccepted, new CustodyMove(delivery.DeliveryId, delivery.PartIds, delivery.Lsp, buyer.Address, PartStatus.Active), Json.CustodyMove);
        return null;
    }

    // The scan must be exactly the delivery's parts, each registered and held by the party handing over.
    private static async Task<List<RejectedPart>> CompareScanAsync(TraceabilityStore store, Delivery delivery, IReadOnlyList<string>? scanned, Address expectedHolder)
    {
        var problems = new List<RejectedPart>();
        var expected = new HashSet<string>(delivery.PartIds, StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string partId in scanned ?? [])
        {
            TraceabilityKeys.ValidateId(partId, "scanned part id");
            if (!seen.Add(partId))
            {
                continue;
            }

            Part? part = await store.PartAsync(partId);
            RejectionReason? reason = part is null ? RejectionReason.Unregistered
                : !expected.Contains(partId) ? RejectionReason.NotInDelivery
                : part.Owner != expectedHolder ? RejectionReason.WrongOwner
                : null;
            if (reason is { } r)
            {
                problems.Add(new RejectedPart(partId, r));
            }
        }

        problems.AddRange(delivery.PartIds.Where(id => !seen.Contains(id)).Select(id => new RejectedPart(id, RejectionReason.Missing)));
        return problems;
    }

    private static async Task<HandoverRejection> RejectAsync(TraceabilityStore store, Delivery delivery, HandoverStage stage, List<RejectedPart> problems, Location location)
    {
        var rejection = new HandoverRejection(delivery.DeliveryId, stage, store.Context.Caller, problems, store.Context.Timestamp);
        int sequence = (await store.IdsUnderAsync("rejection", delivery.DeliveryId)).Count;
        await store.PutAsync(TraceabilityKeys.Rejection(delivery.DeliveryId, sequence), rejection, Json.HandoverRejection);
        foreach (RejectedPart problem in problems.Where(p => p.PartId.Length > 0 && p.Reason != RejectionReason.Unregistered))
        {
            await store.AppendEventAsync(problem.PartId, PartEventType.HandoverRejected, location, $"{delivery.DeliveryId}:{problem.Reason}");
        }

        store.Emit(TraceabilityEvents.HandoverRejected, rejection, Json.HandoverRejection);
        return rejection;
    }

    private static async Task TransferAsync(TraceabilityStore store, Delivery delivery, Address to, PartStatus status, PartEventType handover, Location location)
    {
        foreach (string partId in delivery.PartIds)
        {
            Part part = (await store.PartAsync(partId))!;
            await store.SavePartAsync(part with { Owner = to, Status = status }, part);
            await store.AppendEventAsync(partId, handover, location, delivery.DeliveryId);
            await store.AppendEventAsync(partId, PartEventType.OwnershipTransferred, location, to.ToString());
        }
    }
}
