using System.CommandLine;
using Spectre.Console;
using ValueChain.Cli.Demos;
using ValueChain.Cli.DeviceCommands;
using ValueChain.Cli.FabricCommands;
using ValueChain.Cli.LedgerCommands;
using ValueChain.Cli.Simulate;

namespace ValueChain.Cli;

/// <summary>The command tree of the <c>valuechain</c> tool, writing to the given console (a test console in tests).</summary>
internal static class CliApp
{
    public static RootCommand Create(IAnsiConsole console) =>
        new("valuechain: demos, simulations and ledger tools of the ValueChain SDK.")
        {
            ContentCommands.ContentCommand.Create(console),
            DemoCommand.Create(console),
            DeviceCommand.Create(console),
            FabricCommand.Create(console),
            LedgerCommand.Create(console),
            SimulateCommand.Create(console),
        };

    public static Task<int> RunAsync(string[] args, IAnsiConsole console) => Create(console).Parse(args).InvokeAsync();
}
