using CsCheck;
using ValueChain.Conformance.Traceability;
using ValueChain.Cryptography;
using ValueChain.Ledger.InMemory;
using static ValueChain.Conformance.Traceability.TraceabilityActors;

namespace ValueChain.Traceability.Ethereum.Tests;

// Random sequences of valid and invalid PartChain operations — registrations, assemblies, scans, recalls,
// orders, deliveries, pick-ups and acceptances with good and bad scans, corrections, invitations, time moves —
// applied to the embedded ledger and to PartChain on anvil, both starting at the same instant. After every
// operation the two must agree on the outcome (error code, recorded rejection, events with their payloads) and on what the
// port can query: parts, histories, orders and deliveries as each participant sees them, rejections,
// corrections, participants, indexes and authenticity (times aside: the two clocks tick differently).
public sealed class TraceabilityDifferentialTests
{
    private static readonly string[] PartIds = ["P-1", "P-2", "P-3", "A-1"];

    private enum Kind { Register, Assemble, Scan, Recall, Order, Decline, Deliver, PickUp, Accept, Propose, Approve, Invite, ApproveInvitation, Revoke, Advance }

    private sealed record Operation(Kind Kind, int By, int Other, int Pick, int Count, int Variant);

    private static Gen<Operation> OperationsOf(params Kind[] kinds) =>
        Gen.Select(Gen.OneOfConst(kinds), Gen.Int[0, 5], Gen.Int[0, 5], Gen.Int[0, 3], Gen.Int[0, 3], Gen.Int[0, 5])
            .Select((kind, by, other, pick, count, variant) => new Operation(kind, by, other, pick, count, variant));

    // Tier-2 A (2) registers P-1 and P-2, the OEM (0) orders two, Tier-2 A delivers through the LSP (4), whose first scan
    // (with a counterfeit) is rejected and second accepted; the OEM accepts.
    private static readonly Operation[] ValidPath =
    [
        new(Kind.Register, 2, 0, 0, 2, 0), new(Kind.Order, 0, 2, 0, 2, 2), new(Kind.Deliver, 2, 4, 0, 2, 0), new(Kind.PickUp, 4, 0, 0, 3, 0), new(Kind.PickUp, 4, 0, 0, 2, 0), new(Kind.Accept, 0, 0, 0, 2, 0),
    ];

    private static readonly Gen<Operation[]> Sequences =
        Gen.Select(OperationsOf(Enum.GetValues<Kind>()).Array[5], Gen.Int[0, 5].Array[6])
            .Select((random, gaps) =>
            {
                var sequence = new List<Operation>();
                for (int i = 0; i < ValidPath.Length; i++)
                {
                    sequence.AddRange(random.Take(gaps[i] % (random.Length + 1)));
                    sequence.Add(ValidPath[i]);
                }

                return sequence.Concat(random).ToArray();
            });

    private readonly System.Collections.Concurrent.ConcurrentBag<string> _outcomes = [];

    [Fact]
    public async Task The_embedded_ledger_and_anvil_agree_on_random_operation_sequences()
    {
        await Gen.Select(Sequences, OperationsOf(Enum.GetValues<Kind>()).Array[5, 25]).SampleAsync(async (path, tail) =>
        {
            await using TraceabilityUnderTest onAnvil = await AnvilTraceability.StartAsync(Options(invitationApprovals: 2));
            DateTimeOffset start = await onAnvil.Time.GetTimeAsync(TestContext.Current.CancellationToken);
            InMemoryLedger ledger = InMemoryLedger.Open(
                new InMemoryLedgerOptions { Clock = new ManualLedgerClock(start), Membership = MembershipMode.Open, ProducerKey = PrivateKey.FromBytes(Keccak256.Hash("producer"u8).ToArray()) },
                [new TraceabilityChaincode(Options(invitationApprovals: 2))]);
            await using var embedded = new TraceabilityUnderTest(new TraceabilityChaincodeAdapter(ledger), ledger, ledger);
            TraceabilityUnderTest[] ledgers = [embedded, onAnvil];
            int step = 0;
            foreach (Operation operation in path.Concat(tail))
            {
                string[] outcomes = new string[2];
                for (int i = 0; i < 2; i++)
                {
                    outcomes[i] = await ApplyAsync(ledgers[i], operation, start);
                }

                Assert.True(outcomes[0] == outcomes[1], $"step {step} {operation}: embedded {outcomes[0]} vs anvil {outcomes[1]}");
                _outcomes.Add(outcomes[0]);
                Assert.Equal(await SnapshotAsync(embedded.Contract), await SnapshotAsync(onAnvil.Contract));
                step++;
            }
        }, iter: 6, threads: 1);

        string seen = string.Join("\n", _outcomes.Distinct().Order(StringComparer.Ordinal));
        foreach (string expected in new[] { "DeliveryAccepted", "PickedUp", "HandoverRejected", "PartsRegistered", "error " })
        {
            Assert.True(seen.Contains(expected, StringComparison.Ordinal), $"no outcome with {expected} among:\n{seen}");
        }
    }

    private static async Task<string> ApplyAsync(TraceabilityUnderTest ledger, Operation op, DateTimeOffset start)
    {
        ITraceabilityContract c = ledger.Contract;
        EthereumSigner by = All[op.By];
        Address other = All[op.Other].Address;
        string part = PartIds[op.Pick];
        string[] parts = [.. PartIds.Skip(op.Pick % 2).Take(Math.Max(1, op.Count))];
        string order = op.Variant % 2 == 0 ? "O-1" : "O-2";
        string delivery = op.Variant % 2 == 0 ? "D-1" : "D-2";
        try
        {
            TraceabilityReceipt? receipt = op.Kind switch
            {
                Kind.Register => await c.RegisterPartsAsync(by, [.. PartIds.Skip(op.Pick).Take(Math.Max(1, op.Count)).Select(id => new PartRegistration(id, id.StartsWith('A') ? "PN-ASM" : "PN-SENSOR", op.Variant < 3 ? "B-1" : "B-2", id.StartsWith('A') ? PartKind.Assembly : PartKind.Component))], Plant),
                Kind.Assemble => await c.AssembleAsync(by, "A-1", parts.Where(p => p != "A-1").DefaultIfEmpty("P-3").ToList(), Plant),
                Kind.Scan => await c.ScanAsync(by, part, Plant),
                Kind.Recall => await c.RecallBatchAsync(by, op.Variant < 3 ? "B-1" : "B-2"),
                Kind.Order => await c.PlaceOrderAsync(by, order, other, "PN-SENSOR", op.Count, start.AddDays(1 + op.Variant)),
                Kind.Decline => await c.DeclineOrderAsync(by, order),
                Kind.Deliver => await c.CreateDeliveryAsync(by, delivery, order, other, parts),
                Kind.PickUp => await c.PickUpAsync(by, delivery, op.Count == 3 ? [.. parts, "FAKE-1"] : parts, Plant),
                Kind.Accept => await c.AcceptDeliveryAsync(by, delivery, op.Count == 3 ? parts[..^1] : parts, Plant),
                Kind.Propose => await c.ProposeCorrectionAsync(by, "K-1", part, other, "found at the wrong plant"),
                Kind.Approve => await c.ApproveCorrectionAsync(by, "K-1"),
                Kind.Invite => await c.InviteAsync(by, other, "Invited " + op.Variant, (ParticipantRole)(1 + op.Variant % 3), op.Variant > 3),
                Kind.ApproveInvitation => await c.ApproveInvitationAsync(by, other),
                Kind.Revoke => await c.RevokeAsync(by, other),
                _ => null,
            };
            if (op.Kind == Kind.Advance)
            {
                // A minute past whole hours: anvil's clock also runs with the wall clock (seconds per sequence), so
                // the embedded ledger's time must never sit exactly on a due-date boundary (whole 12-hour steps),
                // where those seconds would put the two ledgers on different sides of it.
                await ledger.Time.AdvanceAsync(TimeSpan.FromHours(6 * (1 + op.Variant)) + TimeSpan.FromMinutes(1));
                return "advanced";
            }

            string rejection = receipt!.Rejection is { } r ? $"{r.Stage} {string.Join(",", r.Parts.Select(p => $"{p.PartId}:{p.Reason}"))}" : "";
            return $"ok {rejection} [{string.Join(",", receipt.Events.Select(e => $"{e.Chaincode} {e.Name} {WithoutTimes(e.PayloadJson)}"))}]";
        }
        catch (ChaincodeException e)
        {
            return "error " + e.Code;
        }
    }

    // Event payloads carry ledger times (registration, joining, rejection), which the two clocks give differently.
    private static string WithoutTimes(string json) =>
        System.Text.RegularExpressions.Regex.Replace(json, "\"\\d{4}-\\d\\d-\\d\\dT[^\"]*\"", "\"(time)\"");

    private static async Task<string> SnapshotAsync(ITraceabilityContract c)
    {
        var lines = new List<string>();
        foreach (string id in PartIds.Append("FAKE-1"))
        {
            Part? p = await c.GetPartAsync(id);
            lines.Add($"{id}: {p?.Owner} {p?.Status} {p?.AssemblyId} {p?.Manufacturer} {p?.BatchNumber}");
            lines.Add($"  history {string.Join(" ", (await c.GetHistoryAsync(id)).Select(e => $"{e.Type}/{e.Actor}/{e.Related}/{e.Location?.Site}"))}");
            AuthenticityReport report = await c.CheckAuthenticityAsync(id);
            lines.Add($"  authentic {report.IsAuthentic} {report.Reason}");
        }

        lines.Add($"components {string.Join(",", await c.GetComponentsAsync("A-1"))}");
        lines.Add($"by number {string.Join(",", (await c.GetPartsByPartNumberAsync("PN-SENSOR")).Select(p => p.PartId))} by batch {string.Join(",", (await c.GetPartsByBatchAsync("B-1")).Select(p => p.PartId))}");
        foreach (EthereumSigner actor in All)
        {
            Participant? participant = await c.GetParticipantAsync(actor.Address);
            Invitation? invitation = await c.GetInvitationAsync(actor.Address);
            lines.Add($"{actor.Address}: {participant?.Role} {participant?.IsAdmin} revoked {participant?.RevokedAt is not null} invitation {invitation?.Status} {invitation?.Approvals.Count}");
            lines.Add($"  owns {string.Join(",", (await c.GetPartsByOwnerAsync(actor.Address)).Select(p => p.PartId))} open {await ViewAsync<IReadOnlyList<Order>>(async () => await c.GetOpenOrdersAsync(actor), orders => string.Join(",", orders.Select(o => o.OrderId)))}");
            foreach (string id in new[] { "1", "2" })
            {
                lines.Add($"  O-{id} {await ViewAsync(() => c.GetOrderAsync(actor, "O-" + id), o => $"{o.Buyer} {o.Supplier} {o.Quantity} {o.RequestedDeliveryDate} {o.Status}")}");
                lines.Add($"  D-{id} {await ViewAsync(() => c.GetDeliveryAsync(actor, "D-" + id), d => $"{d.OrderId} {d.Lsp} {string.Join(",", d.PartIds)} {d.Status}")}");
            }
        }

        foreach (string id in new[] { "D-1", "D-2" })
        {
            lines.Add($"rejections {id}: {string.Join(" | ", (await c.GetRejectionsAsync(id)).Select(r => $"{r.Stage} {r.RejectedBy} {string.Join(",", r.Parts.Select(p => $"{p.PartId}:{p.Reason}"))}"))}");
        }

        OwnershipCorrection? k = await c.GetCorrectionAsync("K-1");
        lines.Add($"K-1 {k?.PartId} {k?.From} {k?.To} {k?.Applied} {string.Join(",", k?.Approvals ?? [])}");
        return string.Join("\n", lines);
    }

    private static async Task<string> ViewAsync<T>(Func<Task<T?>> query, Func<T, string> show)
        where T : class
    {
        try
        {
            return await query() is { } found ? show(found) : "none";
        }
        catch (ChaincodeException e)
        {
            return "error " + e.Code;
        }
    }
}
