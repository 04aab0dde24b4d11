namespace ValueChain.Traceability;

public sealed partial class TraceabilityChaincode
{
    private async Task<string?> ProposeCorrectionAsync(TraceabilityStore store, ProposeCorrectionArgs args)
    {
        Participant admin = await AdminAsync(store);
        TraceabilityKeys.ValidateId(args.CorrectionId, "correction id");
        TraceabilityKeys.ValidateId(args.PartId, "part id");
        if (string.IsNullOrWhiteSpace(args.Reason) || args.Reason.Length > 500)
        {
            throw new ChaincodeException(ErrorCodes.InvalidFormat, "A correction needs a reason of 1 to 500 characters.");
        }

        Part part = await store.PartAsync(args.PartId) ?? throw new ChaincodeException(ErrorCodes.NotFound, $"Part {args.PartId} is not registered.");
        if (await ParticipantAsync(store, args.To) is not { IsActive: true } || args.To == part.Owner)
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"{args.To} must be an active participant other than the current holder.");
        }

        if (await store.ExistsAsync(TraceabilityKeys.Correction(args.CorrectionId)))
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"Correction {args.CorrectionId} already exists.");
        }

        var correction = new OwnershipCorrection(args.CorrectionId, part.PartId, part.Owner, args.To, args.Reason, [admin.Address], false);
        await SaveCorrectionAsync(store, correction);
        return null;
    }

    private async Task<string?> ApproveCorrectionAsync(TraceabilityStore store, string correctionId)
    {
        Participant admin = await AdminAsync(store);
        TraceabilityKeys.ValidateId(correctionId, "correction id");
        OwnershipCorrection correction = await store.GetAsync(TraceabilityKeys.Correction(correctionId), Json.OwnershipCorrection)
            ?? throw new ChaincodeException(ErrorCodes.NotFound, $"Correction {correctionId} does not exist.");
        if (correction.Applied || correction.Approvals.Contains(admin.Address))
        {
            throw new ChaincodeException(ErrorCodes.Conflict, $"Correction {correctionId} is already applied or already approved by {admin.Name}.");
        }

        await SaveCorrectionAsync(store, correction with { Approvals = [.. correction.Approvals, admin.Address] });
        return null;
    }

    // Saves the correction; with enough distinct admin approvals, custody moves at once.
    private async Task SaveCorrectionAsync(TraceabilityStore store, OwnershipCorrection correction)
    {
        if (correction.Approvals.Count >= _options.InvitationApprovals)
        {
            Part part = (await store.PartAsync(correction.PartId))!;
            if (part.Owner != correction.From)
            {
                throw new ChaincodeException(ErrorCodes.Conflict, $"Part {part.PartId} moved since the correction was proposed; propose it again.");
            }

            PartStatus status = part.Status == PartStatus.InTransit ? PartStatus.Active : part.Status;
            await store.SavePartAsync(part with { Owner = correction.To, Status = status }, part);
            await store.AppendEventAsync(part.PartId, PartEventType.OwnershipCorrected, null, correction.To.ToString());
            correction = correction with { Applied = true };
            store.Emit(TraceabilityEvents.OwnershipCorrected, new CustodyMove(correction.CorrectionId, [part.PartId], correction.From, correction.To, status), Json.CustodyMove);
        }

        await store.PutAsync(TraceabilityKeys.Correction(correction.CorrectionId), correction, Json.OwnershipCorrection);
        store.Emit(TraceabilityEvents.CorrectionProposed, correction, Json.OwnershipCorrection);
    }
}
