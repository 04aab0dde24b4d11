using System.CommandLine;
using Spectre.Console;
using ValueChain.Cli.Demos.Ledgers;

namespace ValueChain.Cli.Demos;

/// <summary><c>valuechain demo [name|all]</c>: lists the demos, or runs one or all of them.</summary>
internal static class DemoCommand
{
    public static Command Create(IAnsiConsole console)
    {
        var name = new Argument<string?>("name")
        {
            Description = "The demo to run, or 'all'. Without a name, lists the demos.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var ledgerOption = new Option<string>("--ledger")
        {
            Description = "Where the application demos run: 'embedded' (default, in process) or 'ethereum' (a local anvil, or the node of --rpc).",
            DefaultValueFactory = _ => "embedded",
        };
        ledgerOption.AcceptOnlyFromAmong("embedded", "ethereum");
        var rpcOption = new Option<string?>("--rpc") { Description = "The JSON-RPC URL of an Ethereum development node (anvil, hardhat) for --ledger ethereum." };
        var demo = new Command("demo", "Runs a demo of the ValueChain applications on the embedded ledger or on Ethereum.") { name, ledgerOption, rpcOption };
        demo.SetAction(async (parse, cancellationToken) =>
        {
            string? chosen = parse.GetValue(name);
            string? rpcText = parse.GetValue(rpcOption);
            bool ethereum = parse.GetValue(ledgerOption) == "ethereum";
            Uri? rpc = null;
            if (rpcText is not null && (!Uri.TryCreate(rpcText, UriKind.Absolute, out rpc) || rpc.Scheme is not ("http" or "https")))
            {
                console.MarkupLine($"[red]--rpc {Markup.Escape(rpcText)} is not an http(s) URL.[/]");
                return 2;
            }

            if (rpc is not null && !ethereum)
            {
                console.MarkupLine("[red]--rpc needs --ledger ethereum.[/]");
                return 2;
            }

            var ledgers = new DemoLedgerChoice(ethereum, rpc);
            if (chosen is null)
            {
                var list = new Table().Title("Demos").AddColumns("Name", "What it shows");
                foreach (IDemo d in DemoCatalog.All)
                {
                    list.AddRow(d.Name, Markup.Escape(d.Description));
                }

                list.AddRow("all", "Every demo above, in order");
                console.Write(list);
                return 0;
            }

            IReadOnlyList<IDemo> selected = chosen.Equals("all", StringComparison.OrdinalIgnoreCase)
                ? DemoCatalog.All
                : DemoCatalog.Find(chosen) is { } one ? [one] : [];
            if (selected.Count == 0)
            {
                console.MarkupLine($"[red]No demo named '{Markup.Escape(chosen)}'.[/] Known: {string.Join(", ", DemoCatalog.All.Select(d => d.Name))}, all.");
                return 2;
            }

            foreach (IDemo d in selected)
            {
                console.Write(new Rule($"[bold]{Markup.Escape(d.Name)}[/]: {Markup.Escape(d.Description)}").LeftJustified());
                if (ethereum && !d.RunsOnAnyLedger)
                {
                    console.MarkupLine("[grey]runs on the embedded ledger only; skipped with --ledger ethereum[/]");
                    continue;
                }

                try
                {
                    await d.RunAsync(console, ledgers, cancellationToken);
                }
                catch (Exception e) when (e is ConfigurationException or Ledger.Ethereum.NodeUnavailableException or Ledger.Ethereum.JsonRpcException)
                {
                    console.MarkupLine($"[red]{Markup.Escape(e.Message)}[/]");
                    return 1;
                }
            }

            return 0;
        });
        return demo;
    }
}
