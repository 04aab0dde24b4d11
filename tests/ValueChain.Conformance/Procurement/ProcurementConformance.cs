using ValueChain.Procurement;
using Xunit;
using static ValueChain.Conformance.Procurement.ProcurementActors;

namespace ValueChain.Conformance.Procurement;

/// <summary>
/// Every rule and refusal of specs/procurement.md, against <see cref="IProcurementContract"/> only. A driver's
/// test project subclasses it and deploys the marketplace with the given options.
/// </summary>
public abstract partial class ProcurementConformance : ApplicationConformance
{
    /// <summary>What every machine holds after <see cref="MarketAsync"/>.</summary>
    protected static readonly UInt256 Funding = 1_000_000;

    /// <summary>The ledger time the scenario started, in whole seconds (Ethereum's block times).</summary>
    private DateTimeOffset Start { get; set; }

    /// <summary>Starts a ledger with the procurement chaincode (or its twin) deployed with <paramref name="options"/>.</summary>
    protected abstract Task<ProcurementUnderTest> StartLedgerAsync(ProcurementOptions options);

    private async Task<ProcurementUnderTest> StartAsync(ProcurementOptions? options = null)
    {
        ProcurementUnderTest ledger = await StartLedgerAsync(options ?? Options());
        Start = DateTimeOffset.FromUnixTimeSeconds((await ledger.Time.GetTimeAsync()).ToUnixTimeSeconds());
        return ledger;
    }

    private static async Task<string> ErrorCodeAsync(Func<Task> action) => (await Assert.ThrowsAsync<ChaincodeException>(action)).Code;

    /// <summary>The failure's code, and that its message names <paramref name="field"/>.</summary>
    private static async Task<string> FieldErrorAsync(Func<Task> action, string field)
    {
        ChaincodeException e = await Assert.ThrowsAsync<ChaincodeException>(action);
        Assert.Contains(field, e.Message, StringComparison.Ordinal);
        return e.Code;
    }

    private static MachineRegistration Registration(string machineId, ISigner key) =>
        new(machineId, key.Address, [new MaterialSlot(Bolts, 10, 3, 100), new MaterialSlot(Oil, 2, 1, 10)], TimeSpan.FromDays(30));

    private QuotationTerms Terms(UInt256 price, string material = Bolts, int validDays = 30, int deliveryDays = 2) =>
        new(material, price, Start, Start.AddDays(validDays), TimeSpan.FromDays(deliveryDays));

    /// <summary>
    /// The scenarios' market: ACME's engineer registers MACHINE-1 and MACHINE-2, the operator funds both and they
    /// approve the escrow; BOLT quotes bolts at 10 per unit and COGS at 12, both delivering in two days, and ACME's
    /// buyer approves both.
    /// </summary>
    private async Task<Market> MarketAsync(IProcurementContract c)
    {
        await c.RegisterMachineAsync(AcmeEngineer, Registration("MACHINE-1", Machine1));
        await c.RegisterMachineAsync(AcmeEngineer, Registration("MACHINE-2", Machine2));
        foreach (ISigner machine in new ISigner[] { Machine1, Machine2 })
        {
            await c.MintAsync(Operator, machine.Address, Funding);
            await c.ApproveAsync(machine, c.EscrowAccount, UInt256.MaxValue);
        }

        long bolt = (await c.CreateQuotationAsync(BoltSupplier, Terms(10))).QuotationId!.Value;
        long cogs = (await c.CreateQuotationAsync(CogsSupplier, Terms(12))).QuotationId!.Value;
        await c.ApproveQuotationAsync(AcmeBuyer, bolt);
        await c.ApproveQuotationAsync(AcmeBuyer, cogs);
        return new Market(bolt, cogs);
    }

    private static Task<ProcurementReceipt> OrderAsync(IProcurementContract c, string orderId, long quotationId, long quantity = 20, ISigner? machine = null, int version = 1, string material = Bolts) =>
        c.PlaceOrderAsync(machine ?? Machine1, new OrderRequest(orderId, material, quotationId, version, quantity));

    /// <summary>The quotation ids of the scenarios' market.</summary>
    private sealed record Market(long Bolt, long Cogs);
}
