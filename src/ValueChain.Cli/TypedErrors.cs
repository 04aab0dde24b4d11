using Spectre.Console;

namespace ValueChain.Cli;

/// <summary>Runs a command's action so that typed errors, which are the user's to fix, show their message (exit code 2) instead of a stack trace.</summary>
internal static class TypedErrors
{
    public static int Run(IAnsiConsole console, Func<int> action) =>
        RunAsync(console, () => Task.FromResult(action())).GetAwaiter().GetResult();

    public static async Task<int> RunAsync(IAnsiConsole console, Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (e is ValueChainException or FileNotFoundException)
        {
            console.MarkupLine($"[red]{Markup.Escape(e.Message)}[/]");
            return 2;
        }
    }
}
