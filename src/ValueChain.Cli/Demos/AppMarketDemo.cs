using System.Text;
using Spectre.Console;
using ValueChain.AppMarket;
using ValueChain.Cli.Demos.Ledgers;
using ValueChain.Cryptography;
using ValueChain.Ledger;
using ValueChain.Storage.Ipfs.Store;

namespace ValueChain.Cli.Demos;

/// <summary>
/// IIoT Bazaar: a developer publishes a pay-per-use app into the warehouse, a technician installs it on three
/// devices on site, one is updated remotely, the devices report usage and the developer is paid in one settlement,
/// a tampered binary in the warehouse is refused by the IoT manager and a downgrade is refused.
/// </summary>
internal sealed class AppMarketDemo : IDemo
{
    private static readonly string[] Devices = ["press-1", "press-2", "press-3"];

    public string Name => "appmarket";

    public string Description => "IIoT app marketplace: a pay-per-use app installed on three devices, a remote update, usage paid in one settlement, a tampered binary and a downgrade refused";

    public bool RunsOnAnyLedger => true;

    public async Task RunAsync(IAnsiConsole console, DemoLedgerChoice ledgers, CancellationToken cancellationToken)
    {
        EthereumSigner bazaar = Key("operator"), developer = Key("developer"), company = Key("company"), technician = Key("technician"), manager = Key("iot manager");
        EthereumSigner[] deviceKeys = [.. Devices.Select(Key)];
        var options = new AppMarketOptions();
        options.GenesisMembers.Add(new AppMarketMember(bazaar.Address, "IIoT Bazaar", AppMarketRole.Operator, IsAdmin: true));
        await using DemoLedger ledger = await ledgers.OpenAsync(cancellationToken);
        await ledger.AddActorsAsync([bazaar, developer, company, technician, manager], cancellationToken);
        (IAppMarketContract market, ILedgerTimeControl _) = await ledger.AppMarketAsync(options, cancellationToken);
        string folder = Directory.CreateTempSubdirectory("valuechain-appmarket-").FullName;
        try
        {
            using EmbeddedContentStore store = EmbeddedContentStore.Open(Path.Combine(folder, "warehouse"));
            var warehouse = new AppWarehouse(store);
            DeviceAgent[] agents = [.. Devices.Select((d, i) => new DeviceAgent(d, deviceKeys[i], market.ReportDomain, Path.Combine(folder, d)))];
            await using AppMarketDelivery delivery = await AppMarketDelivery.StartAsync(agents, cancellationToken);
            var iot = new IotManager(market, warehouse, manager, delivery.Channel);
            AppMarketClient Developer = new(market, developer), Company = new(market, company), Technician = new(market, technician);

            await market.InviteAsync(bazaar, developer.Address, "Edge Apps Ltd", AppMarketRole.Developer, cancellationToken: cancellationToken);
            await market.InviteAsync(bazaar, company.Address, "Stamping Plant", AppMarketRole.Company, cancellationToken: cancellationToken);
            await market.MintAsync(bazaar, company.Address, 10_000, cancellationToken);
            await Company.ApprovePlatformAsync(10_000, cancellationToken);
            await Company.AuthorizeTechnicianAsync(technician.Address, "Tess (on site)", cancellationToken);
            await Company.AuthorizeTechnicianAsync(manager.Address, "IoT manager (fog node)", cancellationToken);
            for (int i = 0; i < Devices.Length; i++)
            {
                await Company.RegisterDeviceAsync(Devices[i], "plc-x86", deviceKeys[i].Address, cancellationToken);
            }

            var steps = new Table().Title($"IIoT Bazaar on the {Markup.Escape(ledger.Name)}").AddColumns("Who", "What", "Result");
            void Row(string who, string what, string result) => steps.AddRow(who, Markup.Escape(what), result);

            Row("IoT manager", "reaches the devices", Markup.Escape(delivery.Description));
            AppRecord v1 = await Developer.PublishAsync(warehouse, Binary("1.0.0"), "vibration-monitor", "Vibration monitor", AppVersion.Parse("1.0.0"), AppPricing.PayPerUse(2), ["plc-x86"], cancellationToken);
            Row("Developer", "uploads vibration-monitor 1.0.0 to the warehouse and publishes it at 2 tokens per use", $"[green]CID {Markup.Escape(v1.Binary.Cid[..16])}…, {v1.Binary.Length} bytes, SHA-256 pinned[/]");

            foreach (string device in Devices)
            {
                await Technician.RequestInstallAsync(device, v1.AppId, cancellationToken: cancellationToken);
            }

            var installed = new List<string>();
            foreach (string device in Devices)
            {
                installed.Add(Outcome(await iot.DeliverPendingAsync(device, v1.AppId, cancellationToken)));
            }

            Row("Technician, IoT manager", "installs it on three presses on site; the manager verifies length and hash, each agent verifies again", $"[green]{string.Join(", ", installed)}[/]");

            AppRecord v11 = await Developer.PublishAsync(warehouse, Binary("1.1.0"), v1.AppId, v1.Name, AppVersion.Parse("1.1.0"), AppPricing.PayPerUse(2), ["plc-x86"], cancellationToken);
            DeliveryOutcome update = await iot.UpdateAsync(Devices[1], v1.AppId, v11.Version, remote: true, cancellationToken);
            Row("IoT manager", "updates press-2 remotely to 1.1.0", $"[green]{Outcome(update)}[/], the agent runs {agents[1].Running(v1.AppId)}");

            SignedUsageReport[] usage = await Task.WhenAll(agents.Select((a, i) => a.ReportUsageAsync(v1.AppId, (ulong)(100 * (i + 1)), cancellationToken)));
            AppMarketReceipt settled = await market.SettleUsageAsync(manager, usage, cancellationToken);
            AppMarketReceipt replay = await market.SettleUsageAsync(manager, usage, cancellationToken);
            Row("Devices, IoT manager", "three devices sign cumulative usage (100, 200, 300 uses); one transaction settles them", $"[green]developer paid {await Developer.BalanceAsync(cancellationToken)}[/] in block {settled.BlockNumber}");
            Row("IoT manager", "sends the same three reports again", replay.Settlements.All(s => s.Rejection == UsageRejectionReason.Replayed) ? "[red]rejected: Replayed[/] (recorded, nothing paid)" : "[red]PAID TWICE[/]");

            // Someone alters the 1.2.0 binary in the warehouse after the developer published it.
            string blocks = Path.Combine(folder, "warehouse", "blocks");
            HashSet<string> before = [.. Directory.EnumerateFiles(blocks, "*", SearchOption.AllDirectories)];
            AppRecord v12 = await Developer.PublishAsync(warehouse, Binary("1.2.0"), v1.AppId, v1.Name, AppVersion.Parse("1.2.0"), AppPricing.PayPerUse(2), ["plc-x86"], cancellationToken);
            foreach (string block in Directory.EnumerateFiles(blocks, "*", SearchOption.AllDirectories).Where(b => !before.Contains(b)))
            {
                await File.WriteAllBytesAsync(block, Encoding.UTF8.GetBytes("trojan"), cancellationToken);
            }

            DeliveryOutcome tampered = await iot.UpdateAsync(Devices[0], v1.AppId, v12.Version, remote: true, cancellationToken);
            Row("IoT manager", "is asked to roll out 1.2.0, whose blob in the warehouse was altered", tampered.Refusal is not null ? "[red]refused: binary does not match its record[/] (refusal recorded, press-1 stays on 1.0.0)" : "[red]DELIVERED[/]");

            string downgrade;
            try
            {
                await Technician.RequestUpdateAsync(Devices[1], v1.AppId, AppVersion.Parse("1.0.0"), cancellationToken: cancellationToken);
                downgrade = "[red]ACCEPTED[/]";
            }
            catch (ChaincodeException e)
            {
                downgrade = $"[red]refused ({e.Code})[/]";
            }

            SignedInstallReport agentDowngrade = await agents[1].HandleAsync(new DeliveryOrder(Devices[1], v1), Binary("1.0.0").ToArray(), cancellationToken);
            Row("Technician", "tries to put press-2 back on 1.0.0", $"{downgrade}; the agent itself answers {agentDowngrade.Report.Outcome}");
            console.Write(steps);

            var history = new Table().Title("History of press-2 on the ledger").AddColumns("Action", "Version", "By", "Remote");
            foreach (HistoryEntry h in await Company.GetHistoryAsync(Devices[1], cancellationToken))
            {
                history.AddRow(h.Action.ToString(), h.Version.ToString(), Who(h.By, technician, manager, deviceKeys[1]), h.Remote ? "yes" : "no");
            }

            console.Write(history);
            var balances = new Table().Title("Token balances").AddColumns("Participant", "Balance");
            balances.AddRow("Developer", (await Developer.BalanceAsync(cancellationToken)).ToString());
            balances.AddRow("Company", (await Company.BalanceAsync(cancellationToken)).ToString());
            balances.AddRow("Apps on all three presses", string.Join(", ", (await Technician.GetAppsOnAllDevicesAsync(Devices, cancellationToken)).Select(a => a.AppId)));
            balances.AddRow("Ledger checked", await ledger.CheckAsync(cancellationToken));
            console.Write(balances);
            foreach (DeviceAgent agent in agents)
            {
                agent.Dispose();
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Outcome(DeliveryOutcome o) => $"{o.DeviceId} {o.Outcome?.ToString() ?? "refused"}";

    private static string Who(Address a, EthereumSigner technician, EthereumSigner manager, EthereumSigner device) =>
        a == technician.Address ? "technician" : a == manager.Address ? "IoT manager" : a == device.Address ? "the device (signed report)" : a.ToString();

    private static MemoryStream Binary(string version) => new(Encoding.UTF8.GetBytes($"#!/bin/edge-app vibration-monitor {version}\n" + new string('x', 4096)));

    private static EthereumSigner Key(string name) => new(PrivateKey.FromBytes(Keccak256.Hash(Encoding.UTF8.GetBytes("appmarket demo " + name)).ToArray()));
}
