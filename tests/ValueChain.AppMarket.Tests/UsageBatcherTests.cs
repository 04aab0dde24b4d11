using System.Text;
using ValueChain.Cryptography;
using ValueChain.Ledger.InMemory;

namespace ValueChain.AppMarket.Tests;

public sealed class UsageBatcherTests
{
    private static EthereumSigner Key(string name) => new(PrivateKey.FromBytes(Keccak256.Hash(Encoding.UTF8.GetBytes("batcher " + name)).ToArray()));

    [Fact]
    public async Task A_hundred_thousand_reports_of_a_thousand_devices_settle_in_at_most_a_hundred_transactions_and_pay_each_unit_once()
    {
        const int devices = 1000, reportsPerDevice = 100;
        EthereumSigner bazaar = Key("operator"), developer = Key("developer"), company = Key("company"), technician = Key("technician");
        var options = new AppMarketOptions();
        options.GenesisMembers.Add(new AppMarketMember(bazaar.Address, "Bazaar", AppMarketRole.Operator, IsAdmin: true));
        await using InMemoryLedger ledger = InMemoryLedger.Open(new InMemoryLedgerOptions { Membership = MembershipMode.Open }, [new AppMarketChaincode(options)]);
        var market = new AppMarketChaincodeAdapter(ledger, options.ChainId);
        CancellationToken cancel = TestContext.Current.CancellationToken;
        await market.InviteAsync(bazaar, developer.Address, "Dev", AppMarketRole.Developer, cancellationToken: cancel);
        await market.InviteAsync(bazaar, company.Address, "Plant", AppMarketRole.Company, cancellationToken: cancel);
        await market.MintAsync(bazaar, company.Address, 10_000_000, cancel);
        await market.ApproveAsync(company, market.PlatformAddress, UInt256.MaxValue, cancel);
        await market.AuthorizeTechnicianAsync(company, technician.Address, "Tess", cancel);
        await market.PublishAppAsync(developer, new AppPublication("meter", "Meter", AppVersion.Parse("1.0.0"), AppPricing.PayPerUse(1), ["plc"], new BinaryReference("bafkreiabc", 1, Keccak256.Hash("x"u8)), [], []), cancel);
        EthereumSigner[] keys = new EthereumSigner[devices];
        for (int d = 0; d < devices; d++)
        {
            keys[d] = Key("device " + d);
            await market.RegisterDeviceAsync(company, $"d-{d}", "plc", keys[d].Address, cancel);
            await market.RequestInstallAsync(technician, $"d-{d}", "meter", cancellationToken: cancel);
            await market.ReportInstallAsync(technician, await new InstallReport($"d-{d}", "meter", AppVersion.Parse("1.0.0"), InstallOutcome.Installed, 1).SignAsync(keys[d], market.ReportDomain, cancel), cancel);
        }

        // Each device reports its cumulative usage 100 times (counters 2 … 101, units 3, 6, … 300).
        var batcher = new UsageBatcher();
        int received = 0;
        for (int r = 1; r <= reportsPerDevice; r++)
        {
            for (int d = 0; d < devices; d++)
            {
                batcher.Add(await new UsageReport($"d-{d}", "meter", (ulong)(3 * r), (ulong)(r + 1)).SignAsync(keys[d], market.ReportDomain, cancel));
                received++;
            }
        }

        IReadOnlyList<AppMarketReceipt> receipts = await batcher.SettleAsync(market, technician, options.MaxReportsPerSettlement, cancel);

        Assert.Equal(devices * reportsPerDevice, received);
        Assert.True(receipts.Count <= 100, $"{receipts.Count} transactions");
        Assert.All(receipts.SelectMany(r => r.Settlements), s => Assert.Null(s.Rejection));
        Assert.Equal(new UInt256((ulong)devices * 300), await market.BalanceOfAsync(developer.Address, cancel));
        Assert.Equal(0, batcher.Pending);
    }
}
