using System.Diagnostics;
using System.Globalization;

namespace ValueChain.AppMarket;

/// <summary>
/// A device agent's health check that runs a program (the app's own self-test, or a site's script) on the staged
/// install: its working directory is the staging directory and its arguments are that directory, the app id and the
/// version. Exit code 0 is healthy; any other exit code, a program that does not start, or one still running after the
/// time-out (it is killed) is not.
/// </summary>
public sealed class ProcessHealthCheck
{
    private readonly string _program;
    private readonly TimeSpan _timeout;

    /// <summary>Creates the check that runs <paramref name="program"/> for at most <paramref name="timeout"/>.</summary>
    public ProcessHealthCheck(string program, TimeSpan timeout)
    {
        ArgumentException.ThrowIfNullOrEmpty(program);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        _program = program;
        _timeout = timeout;
    }

    /// <summary>Runs the program on the install staged in <paramref name="directory"/> and says whether it is healthy; pass it as the agent's health check.</summary>
    public async Task<bool> CheckAsync(string directory, AppRecord app, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        var start = new ProcessStartInfo(_program) { WorkingDirectory = directory, UseShellExecute = false };
        start.ArgumentList.Add(directory);
        start.ArgumentList.Add(app.AppId);
        start.ArgumentList.Add(app.Version.ToString());
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{_program} did not start.");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return false;
        }

        using (process)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
                return process.ExitCode == 0;
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                cancellationToken.ThrowIfCancellationRequested();
                return false;
            }
        }
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{_program} (at most {_timeout.TotalSeconds:0.#} s)");
}
