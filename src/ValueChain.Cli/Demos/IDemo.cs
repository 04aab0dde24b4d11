using Spectre.Console;

namespace ValueChain.Cli.Demos;

/// <summary>One demo of <c>valuechain demo</c>: a short scenario that shows an application at work.</summary>
internal interface IDemo
{
    /// <summary>The name used on the command line (for example "traceability").</summary>
    string Name { get; }

    /// <summary>One line that says what the demo shows.</summary>
    string Description { get; }

    /// <summary>Runs the demo, writing its steps to <paramref name="console"/>.</summary>
    Task RunAsync(IAnsiConsole console, CancellationToken cancellationToken);
}
