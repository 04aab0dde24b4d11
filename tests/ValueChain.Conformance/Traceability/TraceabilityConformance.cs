using ValueChain.Ledger;
using ValueChain.Traceability;
using Xunit;
using static ValueChain.Conformance.Traceability.TraceabilityActors;

namespace ValueChain.Conformance.Traceability;

/// <summary>
/// Every PartChain rule of specs/traceability.md, against <see cref="ITraceabilityContract"/> only. A
/// driver's test project subclasses it and deploys PartChain with the given options.
/// </summary>
public abstract class TraceabilityConformance : ApplicationConformance
{
    // The requested delivery date of the scenarios' orders: midnight ten days after the ledger's start, so
    // that the suite does not depend on the day it runs (Fabric's ledger time is the client's clock).
    private DateTimeOffset Due { get; set; }

    /// <summary>Starts a ledger with the traceability chaincode (or its twin) deployed with <paramref name="options"/>.</summary>
    protected abstract Task<TraceabilityUnderTest> StartLedgerAsync(TraceabilityOptions options);

    private async Task<TraceabilityUnderTest> StartAsync(TraceabilityOptions options)
    {
        TraceabilityUnderTest ledger = await StartLedgerAsync(options);
        DateTimeOffset start = await ledger.Time.GetTimeAsync();
        Due = new DateTimeOffset(start.UtcDateTime.Date, TimeSpan.Zero).AddDays(10);
        return ledger;
    }

    private Task<TraceabilityUnderTest> StartAsync() => StartAsync(Options());

    private static PartRegistration Component(string id, string partNumber = "PN-SENSOR", string batch = "B-1") => new(id, partNumber, batch);

    private static async Task<string> ErrorCodeAsync(Func<Task> action) => (await Assert.ThrowsAsync<ChaincodeException>(action)).Code;

    /// <summary>Tier-2 A registers parts, the OEM orders them, Tier-2 A delivers through the LSP.</summary>
    private async Task DeliverableOrderAsync(ITraceabilityContract c, params string[] partIds)
    {
        await c.RegisterPartsAsync(Tier2a, partIds.Select(id => Component(id)).ToList(), Plant);
        await c.PlaceOrderAsync(Oem, "O-1", Tier2a.Address, "PN-SENSOR", partIds.Length, Due);
        await c.CreateDeliveryAsync(Tier2a, "D-1", "O-1", Lsp.Address, partIds);
    }

    // ---- Participants and permissions ----

    [Fact]
    public async Task An_invitation_with_enough_distinct_admin_approvals_makes_a_participant()
    {
        await using TraceabilityUnderTest ledger = await StartAsync(Options(invitationApprovals: 2));
        ITraceabilityContract c = ledger.Contract;

        await c.InviteAsync(Oem, Stranger.Address, "New Supplier", ParticipantRole.Supplier);
        Assert.Null(await c.GetParticipantAsync(Stranger.Address));
        Assert.Equal(InvitationStatus.Pending, (await c.GetInvitationAsync(Stranger.Address))!.Status);
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => c.ApproveInvitationAsync(Oem, Stranger.Address)));

        TraceabilityReceipt approved = await c.ApproveInvitationAsync(Tier1, Stranger.Address);

        Participant joined = (await c.GetParticipantAsync(Stranger.Address))!;
        Assert.Equal(("New Supplier", ParticipantRole.Supplier, false, true), (joined.Name, joined.Role, joined.IsAdmin, joined.IsActive));
        Assert.Contains(approved.Events, e => e.Name == "ParticipantJoined");
        Assert.Equal([Oem.Address, Tier1.Address], (await c.GetInvitationAsync(Stranger.Address))!.Approvals);
        await c.RegisterPartsAsync(Stranger, [Component("NEW-1")], Plant);
    }

    [Fact]
    public async Task Only_admins_invite_approve_and_revoke()
    {
        await using TraceabilityUnderTest ledger = await StartAsync();
        ITraceabilityContract c = ledger.Contract;

        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.InviteAsync(Tier2a, Stranger.Address, "X", ParticipantRole.Lsp)));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.InviteAsync(Stranger, Stranger.Address, "X", ParticipantRole.Lsp)));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.RevokeAsync(Lsp, Tier2a.Address)));
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => c.InviteAsync(Oem, Tier2a.Address, "Again", ParticipantRole.Supplier)));
        Assert.Equal(ErrorCodes.NotFound, await ErrorCodeAsync(() => c.ApproveInvitationAsync(Oem, Stranger.Address)));
    }

    [Fact]
    public async Task A_revoked_participant_can_no_longer_submit_and_its_records_stay()
    {
        await using TraceabilityUnderTest ledger = await StartAsync();
        ITraceabilityContract c = ledger.Contract;
        await c.RegisterPartsAsync(Tier2b, [Component("KEEP-1")], Plant);

        await c.RevokeAsync(Oem, Tier2b.Address);

        Assert.False((await c.GetParticipantAsync(Tier2b.Address))!.IsActive);
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.RegisterPartsAsync(Tier2b, [Component("KEEP-2")], Plant)));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.ScanAsync(Tier2b, "KEEP-1", Plant)));
        Assert.Equal(Tier2b.Address, (await c.GetPartAsync("KEEP-1"))!.Manufacturer);
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => c.RevokeAsync(Oem, Tier2b.Address)));
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => c.RevokeAsync(Oem, Oem.Address)));
    }

    // ---- Parts ----

    [Fact]
    public async Task Oems_and_suppliers_register_parts_and_become_manufacturer_and_owner()
    {
        await using TraceabilityUnderTest ledger = await StartAsync();
        ITraceabilityContract c = ledger.Contract;

        TraceabilityReceipt receipt = await c.RegisterPartsAsync(Tier2a, [Component("S-1"), Component("S-2", batch: "B-2")], Plant);
        await c.RegisterPartsAsync(Oem, [new PartRegistration("VIN-1", "PN-CAR", "B-CAR", PartKind.Assembly)], Plant);

        Part part = (await c.GetPartAsync("S-1"))!;
        Assert.Equal((Tier2a.Address, Tier2a.Address, PartStatus.Active, PartKind.Component, "PN-SENSOR", "B-1"), (part.Manufacturer, part.Owner, part.Status, part.Kind, part.PartNumber, part.BatchNumber));
        Assert.Contains(receipt.Events, e => e.Name == "PartsRegistered");
        PartEvent registered = Assert.Single(await c.GetHistoryAsync("S-1"));
        Assert.Equal((PartEventType.Registered, Tier2a.Address, Plant), (registered.Type, registered.Actor, registered.Location));
        Assert.Equal(receipt.TransactionId, registered.TransactionId);
        Assert.Null(await c.GetPartAsync("S-3"));
    }

    [Fact]
    public async Task Logistics_providers_and_strangers_cannot_register_and_ids_are_unique()
    {
        await using TraceabilityUnderTest ledger = await StartAsync();
        ITraceabilityContract c = ledger.Contract;
        await c.RegisterPartsAsync(Tier2a, [Component("U-1")], Plant);

        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.RegisterPartsAsync(Lsp, [Component("U-2")], Plant)));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.RegisterPartsAsync(Stranger, [Component("U-2")], Plant)));
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => c.RegisterPartsAsync(Tier2b, [Component("U-1")], Plant)));
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => c.RegisterPartsAsync(Tier2b, [Component("U-3"), Component("U-3")], Plant)));
        Assert.Equal(ErrorCodes.InvalidFormat, await ErrorCodeAsync(() => c.RegisterPartsAsync(Tier2b, [Component("")], Plant)));
        Assert.Equal(ErrorCodes.InvalidFormat, await ErrorCodeAsync(() => c.RegisterPartsAsync(Tier2b, [], Plant)));
        Assert.Null(await c.GetPartAsync("U-3"));
        Assert.Equal(Tier2a.Address, (await c.GetPartAsync("U-1"))!.Manufacturer);
    }

    [Fact]
    public async Task Assembling_installs_owned_components_and_records_the_event_in_both_histories()
    {
        await using TraceabilityUnderTest ledger = await StartAsync();
        ITraceabilityContract c = ledger.Contract;
        await c.RegisterPartsAsync(Tier1, [new("ASM-1", "PN-BRAKE", "B-A", PartKind.Assembly), Component("C-1"), Component("C-2")], Plant);

        await c.AssembleAsync(Tier1, "ASM-1", ["C-1", "C-2"], Plant);

        Part component = (await c.GetPartAsync("C-1"))!;
        Assert.Equal((PartStatus.Installed, "ASM-1"), (component.Status, component.AssemblyId));
        Assert.Equal(["C-1", "C-2"], await c.GetComponentsAsync("ASM-1"));
        Assert.Contains(await c.GetHistoryAsync("C-1"), e => e.Type == PartEventType.Assembled && e.Related == "ASM-1");
        Assert.Contains(await c.GetHistoryAsync("ASM-1"), e => e.Type == PartEventType.Assembled && e.Related == "C-2");
    }

    [Fact]
    public async Task Assembly_rules_refuse_foreign_installed_self_and_component_targets()
    {
        await using TraceabilityUnderTest ledger = await StartAsync();
        ITraceabilityContract c = ledger.Contract;
        await c.RegisterPartsAsync(Tier1, [new("ASM-1", "PN-BRAKE", "B-A", PartKind.Assembly), new("ASM-2", "PN-AXLE", "B-A", PartKind.Assembly), Component("C-1"), Component("C-2")], Plant);
        await c.RegisterPartsAsync(Tier2a, [Component("FOREIGN")], Plant);
        await c.AssembleAsync(Tier1, "ASM-1", ["C-1"], Plant);
        await c.AssembleAsync(Tier1, "ASM-2", ["ASM-1"], Plant);

        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.AssembleAsync(Tier1, "ASM-2", ["FOREIGN"], Plant)));
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => c.AssembleAsync(Tier1, "ASM-2", ["C-1"], Plant)));
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => c.AssembleAsync(Tier1, "C-2", ["ASM-2"], Plant)));
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => c.AssembleAsync(Tier1, "ASM-2", ["ASM-2"], Plant)));
        Assert.Equal(ErrorCodes.NotFound, await ErrorCodeAsync(() => c.AssembleAsync(Tier1, "ASM-2", ["NOPE"], Plant)));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.AssembleAsync(Lsp, "ASM-2", ["C-2"], Plant)));
        Assert.Equal(PartStatus.Active, (await c.GetPartAsync("C-2"))!.Status);
    }

    [Fact]
    public async Task Any_participant_scans_and_the_scan_is_in_the_history_in_ledger_order()
    {
        await using TraceabilityUnderTest ledger = await StartAsync();
        ITraceabilityContract c = ledger.Contract;
        await c.RegisterPartsAsync(Tier2a, [Component("SC-1")], Plant);
        var dock = new Location(new GeoPoint(48_775_846, 9_182_932), "Dock 4");

        await c.ScanAsync(Lsp, "SC-1", dock);
        await c.ScanAsync(Oem, "SC-1", Plant);

        Assert.Equal([PartEventType.Registered, PartEventType.Scanned, PartEventType.Scanned], (await c.GetHistoryAsync("SC-1")).Select(e => e.Type));
        Assert.Equal(dock, (await c.GetHistoryAsync("SC-1"))[1].Location);
        Assert.Equal(ErrorCodes.NotFound, await ErrorCodeAsync(() => c.ScanAsync(Lsp, "FAKE", Plant)));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.ScanAsync(Stranger, "SC-1", Plant)));
    }

    // ---- Orders and deliveries ----

    [Fact]
    public async Task Order_delivery_pick_up_and_acceptance_move_custody_supplier_to_lsp_to_buyer()
    {
        await using TraceabilityUnderTest ledger = await StartAsync();
        ITraceabilityContract c = ledger.Contract;
        await DeliverableOrderAsync(c, "P-1", "P-2");

        TraceabilityReceipt pickUp = await c.PickUpAsync(Lsp, "D-1", ["P-2", "P-1"], Plant);
        Assert.True(pickUp.Accepted);
        Assert.Equal((Lsp.Address, PartStatus.InTransit), ((await c.GetPartAsync("P-1"))!.Owner, (await c.GetPartAsync("P-1"))!.Status));
        Assert.Equal(DeliveryStatus.PickedUp, (await c.GetDeliveryAsync(Oem, "D-1"))!.Status);

        TraceabilityReceipt accepted = await c.AcceptDeliveryAsync(Oem, "D-1", ["P-1", "P-2"], Plant);

        Assert.True(accepted.Accepted);
        Part part = (await c.GetPartAsync("P-2"))!;
        Assert.Equal((Oem.Address, PartStatus.Active), (part.Owner, part.Status));
        Assert.Equal(OrderStatus.Fulfilled, (await c.GetOrderAsync(Oem, "O-1"))!.Status);
        Assert.Equal(["P-1", "P-2"], (await c.GetPartsByOwnerAsync(Oem.Address)).Select(p => p.PartId));
        Assert.Empty(await c.GetPartsByOwnerAsync(Tier2a.Address));
        Assert.Equal(
            [PartEventType.Registered, PartEventType.PickedUp, PartEventType.OwnershipTransferred, PartEventType.Delivered, PartEventType.OwnershipTransferred],
            (await c.GetHistoryAsync("P-1")).Select(e => e.Type));
        Assert.True((await c.CheckAuthenticityAsync("P-1")).IsAuthentic);
        Assert.Empty(await c.GetOpenOrdersAsync(Oem));
    }

    [Theory]
    [InlineData(RejectionReason.Unregistered, "COUNTERFEIT-9")]
    [InlineData(RejectionReason.NotInDelivery, "OTHER")]
    [InlineData(RejectionReason.Missing, "P-2")]
    [InlineData(RejectionReason.WrongOwner, "P-2")]
    public async Task A_bad_pick_up_scan_moves_nothing_and_records_a_rejection_everyone_sees(RejectionReason reason, string offender)
    {
        await using TraceabilityUnderTest ledger = await StartAsync();
        ITraceabilityContract c = ledger.Contract;
        await DeliverableOrderAsync(c, "P-1", "P-2");
        await c.RegisterPartsAsync(Tier2a, [Component("OTHER")], Plant);
        if (reason == RejectionReason.WrongOwner)
        {
            // The supplier double-books P-2; the other delivery is picked up first, so P-2 is no longer the supplier's.
            await c.PlaceOrderAsync(Tier1, "O-2", Tier2a.Address, "PN-SENSOR", 1, Due);
            await c.CreateDeliveryAsync(Tier2a, "D-2", "O-2", Lsp.Address, ["P-2"]);
            await c.PickUpAsync(Lsp, "D-2", ["P-2"], Plant);
        }

        string[] scan = reason switch
        {
            RejectionReason.Unregistered => ["P-1", "P-2", "COUNTERFEIT-9"],
            RejectionReason.NotInDelivery => ["P-1", "P-2", "OTHER"],
            RejectionReason.Missing => ["P-1"],
            _ => ["P-1", "P-2"],
        };

        TraceabilityReceipt receipt = await c.PickUpAsync(Lsp, "D-1", scan, Plant);

        Assert.False(receipt.Accepted);
        Assert.Equal([new RejectedPart(offender, reason)], receipt.Rejection!.Parts);
        Assert.Contains(receipt.Events, e => e.Name == "HandoverRejected");
        Assert.Equal((Tier2a.Address, PartStatus.Active), ((await c.GetPartAsync("P-1"))!.Owner, (await c.GetPartAsync("P-1"))!.Status));
        Assert.Equal(DeliveryStatus.Created, (await c.GetDeliveryAsync(Tier2a, "D-1"))!.Status);
        HandoverRejection seen = Assert.Single(await c.GetRejectionsAsync("D-1"));
        Assert.Equal((HandoverStage.PickUp, Lsp.Address), (seen.Stage, seen.RejectedBy));
        Assert.Equal(receipt.Rejection.Parts, seen.Parts);
        if (reason != RejectionReason.Unregistered)
        {
            Assert.Contains(await c.GetHistoryAsync(offender), e => e.Type == PartEventType.HandoverRejected && e.Related == $"D-1:{reason}");
        }
    }

    [Fact]
    public async Task The_counterfeit_is_named_as_unregistered()
    {
        await using TraceabilityUnderTest ledger = await StartAsync();
        ITraceabilityContract c = ledger.Contract;
        await DeliverableOrderAsync(c, "P-1");

        TraceabilityReceipt receipt = await c.PickUpAsync(Lsp, "D-1", ["COUNTERFEIT-9"], Plant);

        Assert.Equal([new RejectedPart("COUNTERFEIT-9", RejectionReason.Unregistered), new RejectedPart("P-1", RejectionReason.Missing)], receipt.Rejection!.Parts);
        Assert.False((await c.CheckAuthenticityAsync("COUNTERFEIT-9")).IsAuthentic);
        Assert.True((await c.PickUpAsync(Lsp, "D-1", ["P-1"], Plant)).Accepted);
        Assert.Single(await c.GetRejectionsAsync("D-1"));
    }

    [Fact]
    public async Task A_late_receipt_is_rejected_and_nothing_moves()
    {
        await using TraceabilityUnderTest ledger = await StartAsync();
        ITraceabilityContract c = ledger.Contract;
        await DeliverableOrderAsync(c, "P-1");
        await c.PickUpAsync(Lsp, "D-1", ["P-1"], Plant);
        await ledger.Time.AdvanceAsync((Due - await ledger.Time.GetTimeAsync()) + TimeSpan.FromHours(13));

        TraceabilityReceipt receipt = await c.AcceptDeliveryAsync(Oem, "D-1", ["P-1"], Plant);

        Assert.Equal([new RejectedPart("", RejectionReason.Late)], receipt.Rejection!.Parts);
        Assert.Equal(HandoverStage.Acceptance, receipt.Rejection.Stage);
        Assert.Equal(Lsp.Address, (await c.GetPartAsync("P-1"))!.Owner);
        Assert.Equal(OrderStatus.InDelivery, (await c.GetOrderAsync(Oem, "O-1"))!.Status);
    }

    [Fact]
    public async Task A_receipt_within_the_tolerance_is_accepted()
    {
        await using TraceabilityUnderTest ledger = await StartAsync();
        ITraceabilityContract c = ledger.Contract;
        await DeliverableOrderAsync(c, "P-1");
        await c.PickUpAsync(Lsp, "D-1", ["P-1"], Plant);
        await ledger.Time.AdvanceAsync((Due - await ledger.Time.GetTimeAsync()) + TimeSpan.FromHours(11));

        Assert.True((await c.AcceptDeliveryAsync(Oem, "D-1", ["P-1"], Plant)).Accepted);
    }

    [Fact]
    public async Task An_acceptance_scan_with_a_missing_part_is_rejected()
    {
        await using TraceabilityUnderTest ledger = await StartAsync();
        ITraceabilityContract c = ledger.Contract;
        await DeliverableOrderAsync(c, "P-1", "P-2");
        await c.PickUpAsync(Lsp, "D-1", ["P-1", "P-2"], Plant);

        TraceabilityReceipt receipt = await c.AcceptDeliveryAsync(Oem, "D-1", ["P-1"], Plant);

        Assert.Equal([new RejectedPart("P-2", RejectionReason.Missing)], receipt.Rejection!.Parts);
        Assert.Equal(Lsp.Address, (await c.GetPartAsync("P-1"))!.Owner);
    }

    [Fact]
    public async Task Only_the_right_roles_order_deliver_pick_up_and_accept()
    {
        await using TraceabilityUnderTest ledger = await StartAsync();
        ITraceabilityContract c = ledger.Contract;
        await c.RegisterPartsAsync(Tier2a, [Component("P-1")], Plant);

        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.PlaceOrderAsync(Lsp, "O-X", Tier2a.Address, "PN-SENSOR", 1, Due)));
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => c.PlaceOrderAsync(Oem, "O-X", Lsp.Address, "PN-SENSOR", 1, Due)));
        await c.PlaceOrderAsync(Oem, "O-1", Tier2a.Address, "PN-SENSOR", 1, Due);
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => c.PlaceOrderAsync(Oem, "O-1", Tier2a.Address, "PN-SENSOR", 1, Due)));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.CreateDeliveryAsync(Tier2b, "D-1", "O-1", Lsp.Address, ["P-1"])));
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => c.CreateDeliveryAsync(Tier2a, "D-1", "O-1", Tier2b.Address, ["P-1"])));
        Assert.Equal(ErrorCodes.InvalidFormat, await ErrorCodeAsync(() => c.CreateDeliveryAsync(Tier2a, "D-1", "O-1", Lsp.Address, [])));
        await c.CreateDeliveryAsync(Tier2a, "D-1", "O-1", Lsp.Address, ["P-1"]);
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.PickUpAsync(Tier2a, "D-1", ["P-1"], Plant)));
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => c.AcceptDeliveryAsync(Oem, "D-1", ["P-1"], Plant)));
        await c.PickUpAsync(Lsp, "D-1", ["P-1"], Plant);
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => c.PickUpAsync(Lsp, "D-1", ["P-1"], Plant)));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.AcceptDeliveryAsync(Tier1, "D-1", ["P-1"], Plant)));
        Assert.Equal(Lsp.Address, (await c.GetPartAsync("P-1"))!.Owner);
    }

    [Fact]
    public async Task A_delivery_needs_the_suppliers_own_active_parts_of_the_ordered_number_and_quantity()
    {
        await using TraceabilityUnderTest ledger = await StartAsync();
        ITraceabilityContract c = ledger.Contract;
        await c.RegisterPartsAsync(Tier2a, [Component("P-1"), Component("P-2"), Component("WRONG-PN", partNumber: "PN-OTHER")], Plant);
        await c.RegisterPartsAsync(Tier2b, [Component("NOT-MINE")], Plant);
        await c.PlaceOrderAsync(Oem, "O-1", Tier2a.Address, "PN-SENSOR", 2, Due);

        Assert.Equal(ErrorCodes.InvalidFormat, await ErrorCodeAsync(() => c.CreateDeliveryAsync(Tier2a, "D-1", "O-1", Lsp.Address, ["P-1"])));
        Assert.Equal(ErrorCodes.InvalidFormat, await ErrorCodeAsync(() => c.CreateDeliveryAsync(Tier2a, "D-1", "O-1", Lsp.Address, ["P-1", "P-1"])));
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => c.CreateDeliveryAsync(Tier2a, "D-1", "O-1", Lsp.Address, ["P-1", "WRONG-PN"])));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.CreateDeliveryAsync(Tier2a, "D-1", "O-1", Lsp.Address, ["P-1", "NOT-MINE"])));
        Assert.Equal(ErrorCodes.NotFound, await ErrorCodeAsync(() => c.CreateDeliveryAsync(Tier2a, "D-1", "O-9", Lsp.Address, ["P-1", "P-2"])));
        Assert.Null(await c.GetDeliveryAsync(Oem, "D-1"));
    }

    [Fact]
    public async Task The_supplier_may_decline_an_open_order_only()
    {
        await using TraceabilityUnderTest ledger = await StartAsync();
        ITraceabilityContract c = ledger.Contract;
        await c.PlaceOrderAsync(Oem, "O-1", Tier2a.Address, "PN-SENSOR", 1, Due);

        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.DeclineOrderAsync(Tier2b, "O-1")));
        await c.DeclineOrderAsync(Tier2a, "O-1");

        Assert.Equal(OrderStatus.Declined, (await c.GetOrderAsync(Oem, "O-1"))!.Status);
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => c.DeclineOrderAsync(Tier2a, "O-1")));
    }

    [Fact]
    public async Task Custody_moves_outside_an_order_only_by_a_correction_that_enough_admins_approve()
    {
        await using TraceabilityUnderTest ledger = await StartAsync(Options(invitationApprovals: 2));
        ITraceabilityContract c = ledger.Contract;
        await c.RegisterPartsAsync(Tier2a, [Component("LOST-1")], Plant);

        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.ProposeCorrectionAsync(Tier2a, "K-1", "LOST-1", Tier2b.Address, "mis-delivered")));
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => c.ProposeCorrectionAsync(Oem, "K-1", "LOST-1", Stranger.Address, "mis-delivered")));
        Assert.Equal(ErrorCodes.NotFound, await ErrorCodeAsync(() => c.ProposeCorrectionAsync(Oem, "K-1", "NOPE", Tier2b.Address, "mis-delivered")));
        await c.ProposeCorrectionAsync(Oem, "K-1", "LOST-1", Tier2b.Address, "delivered to tier-2 B by mistake, confirmed by phone");
        Assert.Equal(Tier2a.Address, (await c.GetPartAsync("LOST-1"))!.Owner);
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => c.ApproveCorrectionAsync(Oem, "K-1")));

        TraceabilityReceipt approved = await c.ApproveCorrectionAsync(Tier1, "K-1");

        Assert.Equal(Tier2b.Address, (await c.GetPartAsync("LOST-1"))!.Owner);
        Assert.Contains(approved.Events, e => e.Name == TraceabilityEvents.OwnershipCorrected);
        OwnershipCorrection correction = (await c.GetCorrectionAsync("K-1"))!;
        Assert.Equal((true, Tier2a.Address, Tier2b.Address), (correction.Applied, correction.From, correction.To));
        Assert.Equal([Oem.Address, Tier1.Address], correction.Approvals);
        PartEvent recorded = (await c.GetHistoryAsync("LOST-1"))[^1];
        Assert.Equal((PartEventType.OwnershipCorrected, Tier1.Address, Tier2b.Address.ToString()), (recorded.Type, recorded.Actor, recorded.Related));
        Assert.True((await c.CheckAuthenticityAsync("LOST-1")).IsAuthentic);
        Assert.Equal(ErrorCodes.Conflict, await ErrorCodeAsync(() => c.ApproveCorrectionAsync(Oem, "K-1")));
    }

    // ---- Confidentiality and queries ----

    [Fact]
    public async Task Order_and_delivery_details_are_for_buyer_supplier_and_lsp_only()
    {
        await using TraceabilityUnderTest ledger = await StartAsync();
        ITraceabilityContract c = ledger.Contract;
        await DeliverableOrderAsync(c, "P-1");

        Assert.NotNull(await c.GetOrderAsync(Oem, "O-1"));
        Assert.NotNull(await c.GetOrderAsync(Tier2a, "O-1"));
        Assert.NotNull(await c.GetDeliveryAsync(Lsp, "D-1"));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.GetOrderAsync(Tier2b, "O-1")));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.GetDeliveryAsync(Tier1, "D-1")));
        Assert.Equal(["O-1"], (await c.GetOpenOrdersAsync(Lsp)).Select(o => o.OrderId));
        Assert.Empty(await c.GetOpenOrdersAsync(Tier2b));

        // Part identity and custody history stay visible to every participant.
        Assert.NotNull(await c.GetPartAsync("P-1"));
        Assert.NotEmpty(await c.GetHistoryAsync("P-1"));
    }

    [Fact]
    public async Task A_participant_reading_as_itself_cannot_see_another_companys_order_whatever_it_passes()
    {
        await using TraceabilityUnderTest ledger = await StartAsync();
        ITraceabilityContract c = ledger.Contract;
        await DeliverableOrderAsync(c, "P-1");

        // The parties of the order read it, each signing as itself.
        foreach (ISigner party in new ISigner[] { Oem, Tier2a, Lsp })
        {
            Assert.Equal("O-1", (await c.GetOrderAsync(party, "O-1"))!.OrderId);
            Assert.Equal("D-1", (await c.GetDeliveryAsync(party, "D-1"))!.DeliveryId);
            Assert.Equal(["O-1"], (await c.GetOpenOrdersAsync(party)).Select(o => o.OrderId));
        }

        // Other companies, signing as themselves, are refused or see nothing of it.
        foreach (ISigner outsider in new ISigner[] { Tier1, Tier2b })
        {
            Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.GetOrderAsync(outsider, "O-1")));
            Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.GetDeliveryAsync(outsider, "D-1")));
            Assert.Empty(await c.GetOpenOrdersAsync(outsider));
        }

        if (ledger.Gateway is not { } gateway)
        {
            return; // Ethereum: no generic gateway; all contract state is public to node operators (see the port's docs).
        }

        // Beneath the port: naming the buyer in the arguments changes nothing, and an anonymous query is refused.
        string buyer = Oem.Address.ToString();
        (string Function, string Arguments)[] attempts =
        [
            ("getOrder", $$"""{"caller":"{{buyer}}","id":"O-1"}"""),
            ("getDelivery", $$"""{"caller":"{{buyer}}","id":"D-1"}"""),
            ("getOpenOrders", $$"""{"address":"{{buyer}}"}"""),
        ];
        foreach ((string function, string arguments) in attempts)
        {
            var invocation = new ContractInvocation(TraceabilityChaincode.ChaincodeName, function, arguments);
            string? asOutsider = await AnswerOrCodeAsync(() => gateway.EvaluateAsync(Tier2b, invocation));
            Assert.True(asOutsider is ErrorCodes.Unauthorized or ErrorCodes.InvalidFormat or "[]", $"{function} as another company answered {asOutsider}");
            Assert.Equal(ErrorCodes.Unauthorized, await AnswerOrCodeAsync(() => gateway.EvaluateAsync(null, invocation with { ArgumentsJson = AnonymousArguments(function) })));
        }
    }

    private static string AnonymousArguments(string function) => function == "getOpenOrders" ? "{}" : """{"id":"O-1"}""".Replace("O-1", function == "getDelivery" ? "D-1" : "O-1", StringComparison.Ordinal);

    private static async Task<string?> AnswerOrCodeAsync(Func<Task<string?>> query)
    {
        try
        {
            return await query();
        }
        catch (ValueChainException e)
        {
            return e.Code;
        }
    }

    [Fact]
    public async Task Parts_are_found_by_part_number_batch_and_owner()
    {
        await using TraceabilityUnderTest ledger = await StartAsync();
        ITraceabilityContract c = ledger.Contract;
        await c.RegisterPartsAsync(Tier2a, [Component("A-1", "PN-A", "B-1"), Component("A-2", "PN-A", "B-2")], Plant);
        await c.RegisterPartsAsync(Tier2b, [Component("B-1", "PN-B", "B-1")], Plant);

        Assert.Equal(["A-1", "A-2"], (await c.GetPartsByPartNumberAsync("PN-A")).Select(p => p.PartId));
        Assert.Equal(["A-1", "B-1"], (await c.GetPartsByBatchAsync("B-1")).Select(p => p.PartId));
        Assert.Equal(["B-1"], (await c.GetPartsByOwnerAsync(Tier2b.Address)).Select(p => p.PartId));
        Assert.Empty(await c.GetPartsByBatchAsync("B"));
    }

    [Fact]
    public async Task A_manufacturer_recalls_its_parts_of_a_batch_only()
    {
        await using TraceabilityUnderTest ledger = await StartAsync();
        ITraceabilityContract c = ledger.Contract;
        await c.RegisterPartsAsync(Tier2a, [Component("R-1", batch: "B-9"), Component("R-2", batch: "B-9")], Plant);
        await c.RegisterPartsAsync(Tier2b, [Component("R-3", batch: "B-9")], Plant);

        await c.RecallBatchAsync(Tier2a, "B-9");

        Assert.Equal(PartStatus.Recalled, (await c.GetPartAsync("R-1"))!.Status);
        Assert.Equal(PartStatus.Active, (await c.GetPartAsync("R-3"))!.Status);
        Assert.Equal(PartEventType.Recalled, (await c.GetHistoryAsync("R-2"))[^1].Type);
        Assert.Equal(ErrorCodes.NotFound, await ErrorCodeAsync(() => c.RecallBatchAsync(Tier2a, "B-9")));
        Assert.Equal(ErrorCodes.Unauthorized, await ErrorCodeAsync(() => c.RecallBatchAsync(Lsp, "B-9")));
    }

    [Fact]
    public async Task Authenticity_needs_a_registered_part_from_a_manufacturer_with_unbroken_custody()
    {
        await using TraceabilityUnderTest ledger = await StartAsync();
        ITraceabilityContract c = ledger.Contract;
        await c.RegisterPartsAsync(Tier2b, [Component("AU-1")], Plant);

        AuthenticityReport genuine = await c.CheckAuthenticityAsync("AU-1");
        AuthenticityReport unknown = await c.CheckAuthenticityAsync("AU-404");

        Assert.True(genuine.IsAuthentic, genuine.Reason);
        Assert.False(unknown.IsAuthentic);
        Assert.Contains("not registered", unknown.Reason, StringComparison.Ordinal);
    }
}
