using Npgsql;
using Xunit;

namespace ValueChain.Testing;

/// <summary>
/// A real PostgreSQL server for the tests: initdb in a temporary folder, started on a free loopback
/// port, stopped and deleted on dispose. Fails loudly when PostgreSQL is not installed (./test.sh installs it).
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "valuechain-pg-" + Guid.NewGuid().ToString("N")[..8]);
    private string _bin = "";
    private int _port;

    /// <summary>A connection string to the server's maintenance database.</summary>
    public string AdminConnectionString => $"Host=127.0.0.1;Port={_port};Username=postgres;Database=postgres;Pooling=false";

    public async ValueTask InitializeAsync()
    {
        _bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending().FirstOrDefault() ?? ""
            : "";
        if (_bin.Length == 0)
        {
            throw new InvalidOperationException("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb). Run ./test.sh, which installs the postgresql package, or apt-get install postgresql.");
        }

        _port = LoopbackPort.Free();
        Directory.CreateDirectory(_directory);
        if (Environment.UserName == "root")
        {
            // PostgreSQL refuses to run as root; the Debian package provides the postgres user.
            await RunAsync("chown", "-R", "postgres:postgres", _directory);
        }

        await RunAsPostgresAsync(Path.Combine(_bin, "initdb"), "-D", Data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync");
        await RunAsPostgresAsync(Path.Combine(_bin, "pg_ctl"), "-D", Data, "-l", Path.Combine(_directory, "server.log"), "-w", "-t", "60", "start",
            "-o", $"-p {_port} -k {_directory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off");
    }

    public async ValueTask DisposeAsync()
    {
        if (Directory.Exists(Data))
        {
            await RunAsPostgresAsync(Path.Combine(_bin, "pg_ctl"), "-D", Data, "-m", "immediate", "-w", "stop");
        }

        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        string name = "vc_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using NpgsqlCommand command = new($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return $"Host=127.0.0.1;Port={_port};Username=postgres;Database={name}";
    }

    private string Data => Path.Combine(_directory, "data");

    private static Task RunAsPostgresAsync(string program, params string[] arguments) =>
        Environment.UserName == "root" ? RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments]) : RunAsync(program, arguments);

    private static async Task RunAsync(string program, params string[] arguments)
    {
        (int exitCode, string output, string error) = await ChildProcess.RunAsync(program, arguments);
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({exitCode}): {output}{error}");
        }
    }

}
