using Spectre.Console;
using ValueChain.Cli;

return await CliApp.RunAsync(args, AnsiConsole.Console);
