using Spectre.Console;

namespace ValueChain.Cli.Tests;

/// <summary>Runs the valuechain command tree in-process and captures what it prints.</summary>
internal static class CliRunner
{
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 240;
        int exitCode = await CliApp.RunAsync(args, console);
        return (exitCode, output.ToString());
    }
}
