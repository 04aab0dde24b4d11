using System.CommandLine;
using Spectre.Console;

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
        var demo = new Command("demo", "Runs a demo of the ValueChain applications on the embedded ledger.") { name };
        demo.SetAction(async (parse, cancellationToken) =>
        {
            string? chosen = parse.GetValue(name);
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
                await d.RunAsync(console, cancellationToken);
            }

            return 0;
        });
        return demo;
    }
}
