namespace ValueChain.Traceability;

public sealed partial class TraceabilityChaincode
{
    private const int MaxPartsPerRegistration = 10_000;

    private async Task<string?> RegisterAsync(TraceabilityStore store, RegisterArgs args)
    {
        Participant manufacturer = await CallerAsync(store, ParticipantRole.Oem, ParticipantRole.Supplier);
        if (args.Parts is not { Count: > 0 and <= MaxPartsPerRegistration })
        {
            throw new ChaincodeException(ErrorCodes.InvalidFormat, $"Register 1 to {MaxPartsPerRegistration} parts at a time.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (PartRegistration registration in args.Parts)
        {
            TraceabilityKeys.ValidateId(registration.PartId, "part id");
            TraceabilityKeys.ValidateId(registration.PartNumber, "part number");
            TraceabilityKeys.ValidateId(registration.BatchNumber, "batch number");
            if (!Enum.IsDefined(registration.Kind))
            {
                throw new ChaincodeException(ErrorCodes.InvalidFormat, $"Part {registration.PartId} has no valid kind (Component or Assembly).");
            }

            if (!seen.Add(registration.PartId) || await store.ExistsAsync(TraceabilityKeys.Part(registration.PartId)))
            {
                throw new ChaincodeException(ErrorCodes.Conflict, $"Part id {registration.PartId} is already registered; part ids are unique in the network.");
            }
        }

        var registered = new List<Part>(args.Parts.Count);
        foreach (PartRegistration registration in args.Parts)
        {
            var part = new Part(registration.PartId, registration.PartNumber, registration.BatchNumber, manufacturer.Address, manufacturer.Address,
                registration.Kind, PartStatus.Active, store.Context.Timestamp, null);
            await store.SavePartAsync(part, before: null);
            await store.MarkAsync(TraceabilityKeys.ByPartNumber(part.PartNumber, part.PartId));
            await store.MarkAsync(TraceabilityKeys.ByBatch(part.BatchNumber, part.PartId));
            await store.AppendEventAsync(part.PartId, PartEventType.Registered, args.Location, null);
            registered.Add(part);
        }

        store.Emit(TraceabilityEvents.PartsRegistered, registered, Json.ListPart);
        return null;
    }

    private async Task<string?> AssembleAsync(TraceabilityStore store, AssembleArgs args)
    {
        Participant owner = await CallerAsync(store, ParticipantRole.Oem, ParticipantRole.Supplier);
        Part assembly = await OwnedActivePartAsync(store, args.AssemblyId, owner);
        if (assembly.Kind != PartKind.Assembly)
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"{assembly.PartId} is a component; only assemblies take components.");
        }

        if (args.ComponentIds is not { Count: > 0 } || args.ComponentIds.Distinct(StringComparer.Ordinal).Count() != args.ComponentIds.Count)
        {
            throw new ChaincodeException(ErrorCodes.InvalidFormat, "Give one or more distinct component ids.");
        }

        HashSet<string> ancestors = await AncestorsAsync(store, assembly);
        foreach (string componentId in args.ComponentIds)
        {
            Part component = await OwnedActivePartAsync(store, componentId, owner);
            if (ancestors.Contains(componentId))
            {
                throw new ChaincodeException(ErrorCodes.Conflict, $"{componentId} contains {assembly.PartId}; an assembly cannot contain itself.");
            }

            await store.SavePartAsync(component with { Status = PartStatus.Installed, AssemblyId = assembly.PartId }, component);
            await store.MarkAsync(TraceabilityKeys.Component(assembly.PartId, componentId));
            await store.AppendEventAsync(componentId, PartEventType.Assembled, args.Location, assembly.PartId);
            await store.AppendEventAsync(assembly.PartId, PartEventType.Assembled, args.Location, componentId);
        }

        store.Emit(TraceabilityEvents.PartsAssembled, args, Json.AssembleArgs);
        return null;
    }

    private async Task<string?> ScanAsync(TraceabilityStore store, ScanArgs args)
    {
        await CallerAsync(store);
        TraceabilityKeys.ValidateId(args.PartId, "part id");
        _ = await store.PartAsync(args.PartId) ?? throw new ChaincodeException(ErrorCodes.NotFound, $"Part {args.PartId} is not registered.");
        await store.AppendEventAsync(args.PartId, PartEventType.Scanned, args.Location, null);
        store.Emit(TraceabilityEvents.PartScanned, args, Json.ScanArgs);
        return null;
    }

    private async Task<string?> RecallBatchAsync(TraceabilityStore store, string batch)
    {
        Participant manufacturer = await CallerAsync(store, ParticipantRole.Oem, ParticipantRole.Supplier);
        TraceabilityKeys.ValidateId(batch, "batch number");
        var recalled = new List<string>();
        foreach (string partId in await store.IdsUnderAsync("ix-batch", batch))
        {
            Part part = (await store.PartAsync(partId))!;
            if (part.Manufacturer == manufacturer.Address && part.Status != PartStatus.Recalled)
            {
                await store.SavePartAsync(part with { Status = PartStatus.Recalled }, part);
                await store.AppendEventAsync(partId, PartEventType.Recalled, null, batch);
                recalled.Add(partId);
            }
        }

        if (recalled.Count == 0)
        {
            throw new ChaincodeException(ErrorCodes.NotFound, $"{manufacturer.Name} has no parts in batch {batch} to recall.");
        }

        store.Emit(TraceabilityEvents.BatchRecalled, new BatchRecall(batch, recalled), Json.BatchRecall);
        return null;
    }

    private static async Task<Part> OwnedActivePartAsync(TraceabilityStore store, string partId, Participant owner)
    {
        TraceabilityKeys.ValidateId(partId, "part id");
        Part part = await store.PartAsync(partId) ?? throw new ChaincodeException(ErrorCodes.NotFound, $"Part {partId} is not registered.");
        if (part.Owner != owner.Address)
        {
            throw new ChaincodeException(ErrorCodes.Unauthorized, $"Part {partId} is held by {part.Owner}, not by {owner.Name}.");
        }

        return part.Status == PartStatus.Active
            ? part
            : throw new ChaincodeException(ErrorCodes.Conflict, $"Part {partId} is {part.Status}, not Active.");
    }

    // The assembly itself and every assembly above it.
    private static async Task<HashSet<string>> AncestorsAsync(TraceabilityStore store, Part assembly)
    {
        var ancestors = new HashSet<string>(StringComparer.Ordinal) { assembly.PartId };
        for (string? parent = assembly.AssemblyId; parent is not null && ancestors.Add(parent);)
        {
            parent = (await store.PartAsync(parent))?.AssemblyId;
        }

        return ancestors;
    }

    private static async Task<List<PartEvent>> HistoryAsync(TraceabilityStore store, string partId)
    {
        List<StoredEvent> stored = await store.ValuesUnderAsync(Json.StoredEvent, "event", partId);
        return stored.Select(e => new PartEvent(partId, e.Type, e.Actor, e.Location, e.Time, e.TransactionId, e.Related)).ToList();
    }

    private static async Task<List<Part>> PartsAsync(TraceabilityStore store, string index, string key)
    {
        var parts = new List<Part>();
        foreach (string partId in await store.IdsUnderAsync(index, key))
        {
            parts.Add((await store.PartAsync(partId))!);
        }

        return parts;
    }

    private async Task<AuthenticityReport> AuthenticityAsync(TraceabilityStore store, string partId)
    {
        Part? part = await store.PartAsync(partId);
        Participant? maker = part is null ? null : await ParticipantAsync(store, part.Manufacturer);
        return AuthenticityRules.Assess(partId, part, maker, part is null ? [] : await HistoryAsync(store, partId));
    }
}
