using System.CommandLine;
using Spectre.Console;
using ValueChain.Cli.Demos;

var demoName = new Argument<string?>("name")
{
    Description = "The demo to run, or 'all'. Without a name, lists the demos.",
    Arity = ArgumentArity.ZeroOrOne,
};
var demo = new Command("demo", "Runs a demo of the ValueChain applications on the embedded ledger.") { demoName };
demo.SetAction(async (parse, cancellationToken) =>
{
    IAnsiConsole console = AnsiConsole.Console;
    string? name = parse.GetValue(demoName);
    if (name is null)
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

    IReadOnlyList<IDemo> selected = name.Equals("all", StringComparison.OrdinalIgnoreCase)
        ? DemoCatalog.All
        : DemoCatalog.Find(name) is { } one ? [one] : [];
    if (selected.Count == 0)
    {
        console.MarkupLine($"[red]No demo named '{Markup.Escape(name)}'.[/] Known: {string.Join(", ", DemoCatalog.All.Select(d => d.Name))}, all.");
        return 2;
    }

    foreach (IDemo d in selected)
    {
        console.Write(new Rule($"[bold]{Markup.Escape(d.Name)}[/]: {Markup.Escape(d.Description)}").LeftJustified());
        await d.RunAsync(console, cancellationToken);
    }

    return 0;
});

var root = new RootCommand("valuechain: demos, simulations and ledger tools of the ValueChain SDK.") { demo };
return await root.Parse(args).InvokeAsync();
