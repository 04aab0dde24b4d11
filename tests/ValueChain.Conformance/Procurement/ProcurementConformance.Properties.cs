using CsCheck;
using ValueChain.Chaincode;
using ValueChain.Procurement;
using Xunit;
using static ValueChain.Conformance.Procurement.ProcurementActors;

namespace ValueChain.Conformance.Procurement;

public abstract partial class ProcurementConformance
{
    [Fact]
    public async Task Random_operation_sequences_conserve_tokens_and_leave_no_escrow_stuck()
    {
        // Each step: an operation, a machine and a parameter. Refused operations are part of the test: they must change nothing.
        RequireDriver();
        await Gen.Select(Gen.Int[0, 6], Gen.Int[0, 1], Gen.Int[0, 60]).Array[1, 16].SampleAsync(async steps =>
        {
            await using ProcurementUnderTest ledger = await StartAsync();
            IProcurementContract c = ledger.Contract;
            Market market = await MarketAsync(c);
            ISigner[] machines = [Machine1, Machine2];
            string[] machineIds = ["MACHINE-1", "MACHINE-2"];
            Address[] holders = [Operator.Address, Machine1.Address, Machine2.Address, BoltSupplier.Address, CogsSupplier.Address, c.EscrowAccount];
            UInt256 supply = await c.TotalSupplyAsync();
            int orders = 0;
            foreach ((int operation, int m, int parameter) in steps)
            {
                ISigner machine = machines[m];
                PurchaseOrder? open = (await c.GetMachineOrdersAsync(machine, machineIds[m])).FirstOrDefault(o => o.Status == OrderStatus.Open);
                try
                {
                    switch (operation)
                    {
                        case 0:
                            long quotation = parameter % 2 == 0 ? market.Bolt : market.Cogs;
                            int version = (await c.GetQuotationAsync(quotation))!.Version;
                            await OrderAsync(c, $"O-{++orders}", quotation, quantity: 1 + parameter, machine: machine, version: version);
                            break;
                        case 1 when open is not null:
                            await c.ConfirmArrivalAsync(machine, open.OrderId);
                            break;
                        case 2:
                            await ledger.Time.AdvanceAsync(TimeSpan.FromHours(parameter));
                            break;
                        case 3 when open is not null:
                            await c.CancelOrderAsync(machine, open.OrderId);
                            break;
                        case 4:
                            await c.ReportConsumptionAsync(machine, Bolts, 1 + parameter % 5);
                            break;
                        case 5:
                            await c.TransferAsync(machine, BoltSupplier.Address, (ulong)parameter * 1_000);
                            break;
                        case 6:
                            await c.ReviseQuotationAsync(BoltSupplier, market.Bolt, Terms((ulong)(parameter + 1), validDays: 30 + parameter));
                            break;
                    }
                }
                catch (ChaincodeException)
                {
                    // Refused (a deadline, a conflict, too little stock): checked below to have changed nothing.
                }

                await AssertConservedAsync(c, holders, supply);
            }

            // No escrow is stuck: past every deadline each open order can be cancelled and the escrow empties.
            await ledger.Time.AdvanceAsync(TimeSpan.FromDays(5));
            for (int m = 0; m < machines.Length; m++)
            {
                foreach (PurchaseOrder open in (await c.GetMachineOrdersAsync(machines[m], machineIds[m])).Where(o => o.Status == OrderStatus.Open))
                {
                    await c.CancelOrderAsync(machines[m], open.OrderId);
                }
            }

            Assert.Equal(new EscrowHoldings(0, 0, 0), await c.GetEscrowHoldingsAsync());
            await AssertConservedAsync(c, holders, supply);
        }, iter: 10, threads: 1);
    }

    private static async Task AssertConservedAsync(IProcurementContract c, Address[] holders, UInt256 supply)
    {
        UInt256 held = UInt256.Zero;
        foreach (Address holder in holders)
        {
            held += await c.BalanceOfAsync(holder);
        }

        EscrowHoldings escrow = await c.GetEscrowHoldingsAsync();
        Assert.Equal(supply, held);
        Assert.Equal(supply, await c.TotalSupplyAsync());
        Assert.True(escrow.Balanced, $"the open escrows add up to {escrow.Open}, the escrow holds {escrow.Held}");
    }
}
