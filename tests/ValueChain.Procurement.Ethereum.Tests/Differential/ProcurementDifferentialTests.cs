using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using CsCheck;
using ValueChain.Conformance.Procurement;
using ValueChain.Cryptography;
using ValueChain.Ledger.InMemory;
using ValueChain.Testing;
using static ValueChain.Conformance.Procurement.ProcurementActors;

namespace ValueChain.Procurement.Ethereum.Tests;

// Random sequences of valid and invalid marketplace operations over a small fixed cast — the operator (admin and
// issuer), ACME's admin, buyer and engineer and its two machines, the BOLT and COGS suppliers, BOLT's engineer, a buyer
// of a used machine and a stranger — applied to the embedded ledger and to the Solidity marketplace on anvil at the
// same ledger time (AlignedLedgerTime sets both clocks to one value before every step, so deadlines, validity windows
// and the times in payloads agree to the second). After every step the two must agree on the outcome (the typed error
// code, or success with the quotation id and every event's name and payload) and on every query of the port: balances,
// allowances, supply, escrow, companies and their evaluations, machines, quotations with their versions, approvals and
// selectable lists, orders, service orders, maintenance books and grants, each read by several readers.
public sealed class ProcurementDifferentialTests(AnvilNode anvil) : IClassFixture<AnvilNode>
{
    private static readonly string[] MachineIds = ["MACHINE-1", "MACHINE-2"];
    private static readonly EthereumSigner[] Machines = [Machine1, Machine2];

    // Reads each model as its public properties (enums by name), so that a difference shows which field differs.
    private static readonly JsonSerializerOptions Show = new() { Converters = { new JsonStringEnumConverter() } };

    private enum Kind { Approve, Withdraw, Revise, Order, Arrive, Cancel, Consume, Book, Maintain, Grant, Revoke, Transfer, Mint, Advance }

    /// <summary>One step: who acts (the role's user when <paramref name="Right"/>, else anyone of the cast), on which machine, which quotation / order / service, an amount and a variant that makes it valid or not.</summary>
    private sealed record Operation(Kind Kind, int Caller, bool Right, int Machine, int Pick, int Amount, int Variant);

    private static Gen<Operation> OperationsOf(params Kind[] kinds) =>
        Gen.Select(Gen.OneOfConst(kinds), Gen.Int[0, All.Count - 1], Gen.Int[0, 9], Gen.Int[0, 1], Gen.Int[0, 3], Gen.Int[0, 60], Gen.Int[0, 5])
            .Select((kind, caller, right, machine, pick, amount, variant) => new Operation(kind, caller, right < 8, machine, pick, amount, variant));

    // A valid path through the marketplace that every sequence contains, among its random operations: ACME approves
    // two quotations, MACHINE-1 orders, BOLT revises its price, MACHINE-2 orders the superseded version (refused),
    // MACHINE-1's order arrives, an installation is booked and recorded, the book is granted and revoked, MACHINE-2
    // orders from COGS, nothing arrives and it cancels after the grace period.
    private static readonly Operation[] ValidPath =
    [
        new(Kind.Approve, 0, true, 0, 0, 0, 2), new(Kind.Approve, 0, true, 0, 1, 0, 2), new(Kind.Order, 0, true, 0, 0, 19, 5),
        new(Kind.Revise, 0, true, 0, 0, 8, 3), new(Kind.Order, 0, true, 1, 0, 9, 0), new(Kind.Advance, 0, true, 0, 0, 5, 0),
        new(Kind.Arrive, 0, true, 0, 0, 0, 0), new(Kind.Book, 0, true, 0, 0, 0, 1), new(Kind.Maintain, 0, true, 0, 0, 4, 1),
        new(Kind.Grant, 0, true, 0, 0, 0, 0), new(Kind.Revoke, 0, true, 0, 0, 0, 0), new(Kind.Order, 0, true, 1, 1, 5, 5),
        new(Kind.Advance, 0, true, 0, 0, 0, 5), new(Kind.Cancel, 0, true, 1, 0, 0, 0),
    ];

    private static readonly Gen<Operation[]> Sequences =
        Gen.Select(OperationsOf(Enum.GetValues<Kind>()).Array[4, 10], Gen.Int[0, 3].Array[ValidPath.Length])
            .Select((random, gaps) =>
            {
                var sequence = new List<Operation>();
                int next = 0;
                for (int i = 0; i < ValidPath.Length; i++)
                {
                    int take = Math.Min(gaps[i] % 2, random.Length - next);
                    sequence.AddRange(random.Skip(next).Take(take));
                    next += take;
                    sequence.Add(ValidPath[i]);
                }

                return sequence.Concat(random.Skip(next)).ToArray();
            });

    private readonly System.Collections.Concurrent.ConcurrentBag<string> _outcomes = [];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_embedded_ledger_and_anvil_agree_on_random_operation_sequences()
    {
        await Sequences.SampleAsync(RunAsync, iter: 4, threads: 1);

        // The sequences reached the marketplace's paths, valid and refused.
        string seen = string.Join("\n", _outcomes.Distinct().Order(StringComparer.Ordinal));
        foreach (string expected in new[] { "OrderPlaced", "OrderDelivered", "OrderCancelled", "MaintenanceRecorded", "BookAccessRevoked", "QuotationRevised", "error " + ProcurementErrorCodes.SupersededQuotation })
        {
            Assert.True(seen.Contains(expected, StringComparison.Ordinal), $"no outcome with {expected} among:\n{seen}");
        }
    }

    private async Task RunAsync(Operation[] operations)
    {
        await using ProcurementUnderTest onAnvil = await AnvilMarketplaces.StartAsync(anvil, Options());
        using var http = new HttpClient();
        var clock = new ManualLedgerClock(await onAnvil.Time.GetTimeAsync(Cancel));
        InMemoryLedger ledger = InMemoryLedger.Open(
            new InMemoryLedgerOptions { Clock = clock, Membership = MembershipMode.Open, ProducerKey = PrivateKey.FromBytes(Keccak256.Hash("producer"u8).ToArray()) },
            [new ProcurementChaincode(Options())]);
        await using var embedded = new ProcurementUnderTest(new ProcurementChaincodeAdapter(ledger), ledger, ledger);
        var time = new AlignedLedgerTime(clock, new JsonRpcClient(http, new JsonRpcOptions { Endpoint = anvil.Endpoint }));
        await time.StartAsync(Cancel);
        var run = new Run(time.Now);
        IProcurementContract[] markets = [embedded.Contract, onAnvil.Contract];

        async Task StepAsync(string what, TimeSpan gap, Func<IProcurementContract, Task<string>> apply)
        {
            await time.BeforeStepAsync(gap, Cancel);
            run.Now = time.Now;
            string[] outcomes = new string[2];
            for (int i = 0; i < 2; i++)
            {
                outcomes[i] = await apply(markets[i]);
            }

            await time.AfterStepAsync(Cancel);
            Assert.True(outcomes[0] == outcomes[1], $"step {run.Step} {what} at {time.Now:O}: embedded {outcomes[0]}\n  vs anvil {outcomes[1]}");
            _outcomes.Add(outcomes[0]);
            string[] snapshots = await Task.WhenAll(markets.Select(m => SnapshotAsync(m, run)));
            Assert.Equal(snapshots[0], snapshots[1]);
        }

        foreach (Func<IProcurementContract, Task<ProcurementReceipt>> setUp in SetUp(run))
        {
            await StepAsync("set-up", TimeSpan.Zero, c => OutcomeAsync(c, () => setUp(c)));
        }

        foreach (Operation operation in operations)
        {
            run.Step++;
            string orderId = operation.Variant == 4 ? "O-1" : $"O-{run.Step}";
            string serviceId = operation.Variant == 4 ? "S-1" : $"S-{run.Step}";
            TimeSpan gap = operation.Kind != Kind.Advance ? TimeSpan.Zero : operation.Variant == 5 ? TimeSpan.FromDays(3) : TimeSpan.FromHours(1 + operation.Amount);
            await StepAsync(operation.ToString(), gap, c => operation.Kind == Kind.Advance ? Task.FromResult("advanced") : OutcomeAsync(c, () => ApplyAsync(c, operation, run, orderId, serviceId)));
            if (operation.Kind == Kind.Order)
            {
                run.Orders.Add((operation.Machine, orderId));
            }
            else if (operation.Kind == Kind.Book)
            {
                run.Services.Add(serviceId);
            }
        }
    }

    // The scenarios' market, step by step on both ledgers: ACME's engineer registers two machines, the operator funds
    // them and they approve the escrow; BOLT quotes bolts at 10 and oil at 30, COGS bolts at 12 (ids 1, 3 and 2).
    private static IEnumerable<Func<IProcurementContract, Task<ProcurementReceipt>>> SetUp(Run run)
    {
        for (int m = 0; m < 2; m++)
        {
            int machine = m;
            yield return c => c.RegisterMachineAsync(AcmeEngineer, new MachineRegistration(MachineIds[machine], Machines[machine].Address, [new MaterialSlot(Bolts, 10, 3, 100), new MaterialSlot(Oil, 2, 1, 10)], TimeSpan.FromDays(30)));
            yield return c => c.MintAsync(Operator, Machines[machine].Address, 1_000_000);
            yield return c => c.ApproveAsync(Machines[machine], c.EscrowAccount, UInt256.MaxValue);
        }

        yield return c => c.CreateQuotationAsync(BoltSupplier, run.Terms(Bolts, 10, 30));
        yield return c => c.CreateQuotationAsync(CogsSupplier, run.Terms(Bolts, 12, 30));
        yield return c => c.CreateQuotationAsync(BoltSupplier, run.Terms(Oil, 30, 30));
    }

    private static async Task<ProcurementReceipt> ApplyAsync(IProcurementContract c, Operation op, Run run, string orderId, string serviceId)
    {
        ISigner By(ISigner role) => op.Right ? role : All[op.Caller];
        ISigner machine = By(Machines[op.Machine]);
        long quotation = op.Pick + 1;
        string material = quotation == 3 ? Oil : Bolts;
        string otherMaterial = material == Bolts ? Oil : Bolts;
        // The acting machine's latest order attempt (or one before it), or an id that was never used.
        string[] ordersOfMachine = [.. run.Orders.Where(o => o.Machine == op.Machine).Select(o => o.Id)];
        string pickedOrder = ordersOfMachine.Length == 0 ? "O-0" : ordersOfMachine[^(1 + ((op.Pick + op.Amount) % ordersOfMachine.Length))];
        return op.Kind switch
        {
            Kind.Approve => await c.ApproveQuotationAsync(By(AcmeBuyer), quotation, Cancel),
            Kind.Withdraw => await c.WithdrawApprovalAsync(By(AcmeBuyer), quotation, Cancel),
            Kind.Revise => await c.ReviseQuotationAsync(By(quotation == 2 ? CogsSupplier : BoltSupplier), quotation, ReviseTerms(op, run, material, otherMaterial), Cancel),
            Kind.Order => await c.PlaceOrderAsync(machine, await OrderAsync(c, op, orderId, quotation, material, otherMaterial), Cancel),
            Kind.Arrive => await c.ConfirmArrivalAsync(machine, pickedOrder, Cancel),
            Kind.Cancel => await c.CancelOrderAsync(machine, pickedOrder, Cancel),
            Kind.Consume => await c.ReportConsumptionAsync(machine, op.Variant % 2 == 0 ? Bolts : Oil, op.Amount % 7, Cancel),
            Kind.Book => await c.BookServiceAsync(machine, serviceId, (op.Right ? AcmeEngineer : BoltEngineer).Address, op.Variant % 2 == 0 ? null : pickedOrder, Cancel),
            Kind.Maintain => await c.RecordMaintenanceAsync(By(AcmeEngineer), MaintenanceOf(op, run), Cancel),
            Kind.Grant => await c.GrantBookAccessAsync(By(AcmeAdmin), op.Pick == 3 ? "MACHINE-9" : MachineIds[op.Machine], (op.Variant % 2 == 0 ? UsedMachineBuyer : Stranger).Address, Cancel),
            Kind.Revoke => await c.RevokeBookAccessAsync(By(AcmeAdmin), op.Pick == 3 ? "MACHINE-9" : MachineIds[op.Machine], (op.Variant % 2 == 0 ? UsedMachineBuyer : Stranger).Address, Cancel),
            Kind.Transfer => await c.TransferAsync(machine, All[(op.Pick * 5 + op.Amount) % All.Count].Address, op.Variant == 5 ? 2_000_000 : (ulong)op.Amount * 1_000, Cancel),
            Kind.Mint => await c.MintAsync(By(Operator), Machines[op.Machine].Address, (ulong)op.Amount, Cancel),
            _ => throw new ArgumentOutOfRangeException(nameof(op), op.Kind, "not a transaction"),
        };
    }

    // A new price (variant 0: zero), a validity ending three hours on (1) or before it starts (2), or a change of a frozen field: the delivery time (4) or the material (5).
    private static QuotationTerms ReviseTerms(Operation op, Run run, string material, string otherMaterial) =>
        new(op.Variant == 5 ? otherMaterial : material, op.Variant == 0 ? 0 : (ulong)op.Amount + 1, run.Start,
            op.Variant switch { 1 => run.Now.AddHours(3), 2 => run.Start.AddDays(-1), _ => run.Start.AddDays(30) },
            TimeSpan.FromDays(op.Variant == 4 ? 3 : 2));

    // The latest version as this ledger reports it (variant 0: the one before, superseded; 1: one that does not exist),
    // of the quotation's material (2: the other one), for 1 to 61 units (3: none).
    private static async Task<OrderRequest> OrderAsync(IProcurementContract c, Operation op, string orderId, long quotation, string material, string otherMaterial)
    {
        int latest = (await c.GetQuotationAsync(quotation, Cancel))?.Version ?? 1;
        int version = op.Variant switch { 0 => latest - 1, 1 => latest + 1, _ => latest };
        return new OrderRequest(orderId, op.Variant == 2 ? otherMaterial : material, quotation, version, op.Variant == 3 ? 0 : 1 + op.Amount);
    }

    // A maintenance entry for a machine (pick 3: an unknown one), closing a booked service (odd variants) or none,
    // installing bolts or oil (variant 3), none of anything (5).
    private static MaintenanceRecord MaintenanceOf(Operation op, Run run)
    {
        string? service = op.Variant % 2 == 1 ? (run.Services.Count == 0 ? "S-0" : run.Services[^(1 + (op.Amount % run.Services.Count))]) : null;
        IReadOnlyList<InstalledMaterial> installed = op.Variant == 5 ? [] : [new InstalledMaterial(op.Variant == 3 ? Oil : Bolts, op.Amount % 9)];
        return new MaintenanceRecord(op.Pick == 3 ? "MACHINE-9" : MachineIds[op.Machine], service, $"service at step {run.Step}", installed);
    }

    // Success with the quotation id and the events, or the typed error's code. Within one Ethereum transaction the
    // events are compared as a multiset: the shared escrow contract logs its lock before the token transfer that
    // funds it (and its release or refund before the payout), where the chaincode emits them the other way round.
    private static async Task<string> OutcomeAsync(IProcurementContract c, Func<Task<ProcurementReceipt>> send)
    {
        try
        {
            ProcurementReceipt receipt = await send();
            IEnumerable<string> events = receipt.Events.Select(e => $"{e.Chaincode} {e.Name} {Masked(c, e.PayloadJson)}").Order(StringComparer.Ordinal);
            return $"ok quotation {receipt.QuotationId} [{string.Join(", ", events)}]";
        }
        catch (ChaincodeException e)
        {
            return "error " + e.Code;
        }
    }

    // The escrow is a derived account on the embedded ledger and the market contract on Ethereum: the one address that differs.
    private static string Masked(IProcurementContract c, string text) =>
        Regex.Replace(text, Regex.Escape(c.EscrowAccount.ToString()), "(escrow)", RegexOptions.IgnoreCase);

    // Everything the port can read, in a fixed order; each read's refusal is part of what must agree.
    private static async Task<string> SnapshotAsync(IProcurementContract c, Run run)
    {
        var reads = new List<Func<Task<string>>>();
        void Read<T>(string what, Func<Task<T>> query) => reads.Add(async () =>
        {
            try
            {
                return $"{what}: {Masked(c, JsonSerializer.Serialize(await query(), Show))}";
            }
            catch (ChaincodeException e)
            {
                return $"{what}: error {e.Code}";
            }
        });

        foreach (EthereumSigner actor in All)
        {
            Read($"balance {actor.Address}", () => c.BalanceOfAsync(actor.Address, Cancel));
        }

        Read("balance (escrow)", () => c.BalanceOfAsync(c.EscrowAccount, Cancel));
        Read("supply", () => c.TotalSupplyAsync(Cancel));
        Read("escrow", () => c.GetEscrowHoldingsAsync(Cancel));
        foreach (string company in new[] { Acme, Bolt, Cogs })
        {
            Read($"company {company}", () => c.GetCompanyAsync(company, Cancel));
        }

        for (int m = 0; m < 2; m++)
        {
            int machine = m;
            Read($"allowance {MachineIds[m]}", () => c.AllowanceAsync(Machines[machine].Address, c.EscrowAccount, Cancel));
            Read($"machine {MachineIds[m]}", () => c.GetMachineAsync(MachineIds[machine], Cancel));
            Read($"machine of key {m}", () => c.GetMachineByAddressAsync(Machines[machine].Address, Cancel));
            Read($"orders of {MachineIds[m]} by itself", () => c.GetMachineOrdersAsync(Machines[machine], MachineIds[machine], Cancel));
            Read($"orders of {MachineIds[m]} by a stranger", () => c.GetMachineOrdersAsync(Stranger, MachineIds[machine], Cancel));
            foreach (EthereumSigner reader in new[] { Machines[m], AcmeAdmin, UsedMachineBuyer, Stranger })
            {
                Read($"book of {MachineIds[m]} by {reader.Address}", () => c.GetMaintenanceBookAsync(reader, MachineIds[machine], Cancel));
            }

            Read($"grants of {MachineIds[m]}", () => c.GetGrantsAsync(MachineIds[machine], Cancel));
        }

        for (long q = 1; q <= 4; q++)
        {
            long quotation = q;
            Read($"quotation {q}", () => c.GetQuotationAsync(quotation, Cancel));
            Read($"quotation {q} versions", () => c.GetQuotationVersionsAsync(quotation, Cancel));
            Read($"quotation {q} version 1", () => c.GetQuotationVersionAsync(quotation, 1, Cancel));
            Read($"quotation {q} for ACME", () => c.GetApprovalStatusAsync(quotation, Acme, Cancel));
        }

        foreach (string material in new[] { Bolts, Oil })
        {
            Read($"selectable {material}", () => c.GetSelectableQuotationsAsync(Acme, material, Cancel));
        }

        foreach (string order in run.Orders.Select(o => o.Id).Distinct())
        {
            foreach (EthereumSigner reader in new[] { BoltSupplier, CogsSupplier, Machine2, Stranger })
            {
                Read($"order {order} by {reader.Address}", () => c.GetOrderAsync(reader, order, Cancel));
            }
        }

        foreach (string service in run.Services.Distinct())
        {
            foreach (EthereumSigner reader in new[] { Machine1, AcmeAdmin, Stranger })
            {
                Read($"service {service} by {reader.Address}", () => c.GetServiceOrderAsync(reader, service, Cancel));
            }
        }

        // Independent reads, in flight together: a snapshot costs one round of the node's latency, not one per read.
        return string.Join("\n", await Task.WhenAll(reads.Select(read => read())));
    }

    /// <summary>What a sequence has done so far, the same for both ledgers: the step, the order and service ids it used.</summary>
    private sealed class Run(DateTimeOffset start)
    {
        public DateTimeOffset Start { get; } = start;

        public int Step { get; set; }

        /// <summary>The time both ledgers are at in this step.</summary>
        public DateTimeOffset Now { get; set; }

        public List<(int Machine, string Id)> Orders { get; } = [];

        public List<string> Services { get; } = [];

        public QuotationTerms Terms(string material, ulong price, int validDays) => new(material, price, Start, Start.AddDays(validDays), TimeSpan.FromDays(2));
    }
}
