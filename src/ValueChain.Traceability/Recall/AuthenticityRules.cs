namespace ValueChain.Traceability;

/// <summary>
/// PartChain's authenticity rule, the same on every ledger: a part is authentic when it is registered, its
/// manufacturer was an OEM or supplier when it registered it, and its custody history is unbroken from the
/// manufacturer to the current holder. Drivers load the three inputs their way and ask here.
/// </summary>
public static class AuthenticityRules
{
    /// <summary>Judges <paramref name="partId"/> from its state, its manufacturer's record and its history (in ledger order).</summary>
    public static AuthenticityReport Assess(string partId, Part? part, Participant? maker, IReadOnlyList<PartEvent> history)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (part is null)
        {
            return new AuthenticityReport(partId, false, "the part is not registered");
        }

        // A revocation at the very instant of the registration came after it (the registration succeeded), so it counts as later.
        bool wasManufacturer = maker is { Role: ParticipantRole.Oem or ParticipantRole.Supplier }
            && maker.JoinedAt <= part.RegisteredAt && (maker.RevokedAt is null || maker.RevokedAt >= part.RegisteredAt);
        if (!wasManufacturer)
        {
            return new AuthenticityReport(partId, false, $"{part.Manufacturer} was not a registered manufacturer when the part was registered");
        }

        // Custody starts with the manufacturer and each transfer starts from the holder before it.
        Address holder = part.Manufacturer;
        foreach (PartEvent transfer in history.Where(e => e.Type is PartEventType.OwnershipTransferred or PartEventType.OwnershipCorrected))
        {
            // A correction is made by admins, neither holder nor receiver, and is legitimate by their approval.
            Address to = Address.Parse(transfer.Related!);
            if (transfer.Type == PartEventType.OwnershipTransferred && transfer.Actor != holder && transfer.Actor != to)
            {
                return new AuthenticityReport(partId, false, $"custody gap: a transfer to {to} was recorded by {transfer.Actor}, who did not hold or receive the part");
            }

            holder = to;
        }

        return holder == part.Owner
            ? new AuthenticityReport(partId, true, null)
            : new AuthenticityReport(partId, false, $"custody gap: the history ends with {holder}, the part is held by {part.Owner}");
    }
}
