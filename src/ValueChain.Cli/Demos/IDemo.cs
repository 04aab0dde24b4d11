using Spectre.Console;
using ValueChain.Cli.Demos.Ledgers;

namespace ValueChain.Cli.Demos;

/// <summary>One demo of <c>valuechain demo</c>: a short scenario that shows an application at work.</summary>
internal interface IDemo
{
    /// <summary>The name used on the command line (for example "traceability").</summary>
    string Name { get; }

    /// <summary>One line that says what the demo shows.</summary>
    string Description { get; }

    /// <summary>Whether the demo runs on the ledger <c>--ledger</c> chooses (the application demos), or on the embedded ledger only.</summary>
    bool RunsOnAnyLedger => false;

    /// <summary>Runs the demo on a ledger from <paramref name="ledgers"/> (when it runs on any), writing its steps to <paramref name="console"/>.</summary>
    Task RunAsync(IAnsiConsole console, DemoLedgerChoice ledgers, CancellationToken cancellationToken);
}
