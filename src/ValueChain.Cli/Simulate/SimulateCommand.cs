using System.CommandLine;
using Spectre.Console;

namespace ValueChain.Cli.Simulate;

/// <summary><c>valuechain simulate</c>: one subcommand per application simulation, each in its own file.</summary>
internal static class SimulateCommand
{
    public static Command Create(IAnsiConsole console) =>
        new("simulate", "Runs simulations of the ValueChain applications.")
        {
            FlexibilitySimulateCommand.Create(console),
            V2VSimulateCommand.Create(console),
            ProcurementSimulateCommand.Create(console),
        };
}
