using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ValueChain.Mqtt;

/// <summary>
/// A Mosquitto broker started on a loopback port for demos, samples and tests, from a configuration, password file and
/// ACL generated in a temporary folder; stopped, with the folder deleted, when disposed. It is a development broker:
/// production hosts point <see cref="MqttBrokerEndpoint"/> at the broker they operate.
/// </summary>
public sealed class LocalMosquitto : IAsyncDisposable
{
    private readonly string _binary;
    private readonly string _folder;
    private readonly LocalMosquittoOptions _options;
    private readonly List<MqttAccount> _accounts;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _startupErrors = new();
    private readonly string _adminPassword = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));
    private Process? _process;

    private LocalMosquitto(string binary, string folder, LocalMosquittoOptions options, int port)
    {
        (_binary, _folder, _options) = (binary, folder, options);
        _accounts = [.. options.Accounts];
        Endpoint = new MqttBrokerEndpoint("127.0.0.1", port);
    }

    /// <summary>Where the broker listens.</summary>
    public MqttBrokerEndpoint Endpoint { get; }

    /// <summary>The accounts the broker knows now.</summary>
    public IReadOnlyList<MqttAccount> Accounts => _accounts;

    /// <summary>Whether the broker process is running.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The Mosquitto binary ($VALUECHAIN_MOSQUITTO, /usr/sbin/mosquitto, or mosquitto on the PATH), or null when none is installed.</summary>
    public static string? FindBinary()
    {
        string? configured = Environment.GetEnvironmentVariable("VALUECHAIN_MOSQUITTO");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        IEnumerable<string> path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return path.Prepend("/usr/sbin").Select(folder => Path.Combine(folder, "mosquitto")).FirstOrDefault(File.Exists);
    }

    /// <summary>Mosquitto's dynamic-security plugin ($VALUECHAIN_MOSQUITTO_DYNSEC, or where Debian's package puts it), or null when none is installed.</summary>
    public static string? FindDynamicSecurityPlugin()
    {
        string? configured = Environment.GetEnvironmentVariable("VALUECHAIN_MOSQUITTO_DYNSEC");
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        const string Plugin = "mosquitto_dynamic_security.so";
        IEnumerable<string> folders = Directory.Exists("/usr/lib") ? Directory.GetDirectories("/usr/lib").Prepend("/usr/lib") : [];
        return folders.Select(folder => Path.Combine(folder, Plugin)).FirstOrDefault(File.Exists);
    }

    /// <summary>Starts a broker with <paramref name="options"/> and waits until it accepts connections.</summary>
    /// <exception cref="ConfigurationException">Mosquitto or (with accounts) its dynamic-security plugin is not installed, or it does not start (the message carries its log).</exception>
    /// <exception cref="ValueChainFormatException">An account is malformed or two share a user name.</exception>
    public static async Task<LocalMosquitto> StartAsync(LocalMosquittoOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ValidateAccounts(options.Accounts);
        string binary = FindBinary()
            ?? throw new ConfigurationException("Mosquitto is not installed: run 'sudo apt-get install mosquitto' (./test.sh installs it from tools/apt-packages.txt), or set VALUECHAIN_MOSQUITTO to its binary.");
        string? plugin = options.AllowAnonymous ? null : FindDynamicSecurityPlugin()
            ?? throw new ConfigurationException("Mosquitto's dynamic-security plugin (mosquitto_dynamic_security.so, part of Debian's mosquitto package) is not installed; set VALUECHAIN_MOSQUITTO_DYNSEC to it.");
        int port = options.Port != 0 ? options.Port : FreePort();
        string folder = Directory.CreateTempSubdirectory("valuechain-mosquitto-").FullName;
        var broker = new LocalMosquitto(binary, folder, options, port);
        try
        {
            if (plugin is not null)
            {
                broker.WritePrivately("dynamic-security.json", MosquittoConfiguration.DynamicSecurity(broker._accounts, broker._adminPassword));
            }

            await File.WriteAllTextAsync(broker.ConfigPath, MosquittoConfiguration.Config(port, folder, plugin, Environment.UserName == "root"), cancellationToken);
            await broker.StartProcessAsync(cancellationToken);
            return broker;
        }
        catch
        {
            await broker.DisposeAsync();
            throw;
        }
    }

    /// <summary>Adds accounts while the broker runs (as a manager provisions new devices), through the plugin's control topic; they can connect when this returns.</summary>
    /// <exception cref="ValueChainFormatException">An account is malformed or its user name is taken.</exception>
    /// <exception cref="ConfigurationException">The broker is anonymous or not running, or it refused the accounts.</exception>
    public async Task AddAccountsAsync(IEnumerable<MqttAccount> accounts, CancellationToken cancellationToken = default)
    {
        List<MqttAccount> added = [.. accounts];
        ValidateAccounts([.. _accounts, .. added]);
        if (_options.AllowAnonymous || !IsRunning)
        {
            throw new ConfigurationException("Accounts can be added only to a running broker started with accounts (not AllowAnonymous).");
        }

        await DynamicSecurityAdmin.AddAsync(Endpoint, _adminPassword, added, _options.StartTimeout, cancellationToken);
        _accounts.AddRange(added);
    }

    /// <summary>Stops the broker as an operator would (SIGTERM, so it saves its sessions; killed after 5 s), keeping its configuration and persisted sessions for <see cref="RestartAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            await RunAsync("kill", "-TERM", process.Id.ToString(CultureInfo.InvariantCulture));
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                await process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill();
                await process.WaitForExitAsync();
            }
        }
    }

    /// <summary>Starts the broker again on the same port with the same accounts and the sessions it persisted.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await StopAsync();
        await StartProcessAsync(cancellationToken);
    }

    /// <summary>Stops the broker and deletes its folder.</summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process?.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private string ConfigPath => Path.Combine(_folder, "mosquitto.conf");

    private string LogPath => Path.Combine(_folder, "mosquitto.log");

    private static void ValidateAccounts(IReadOnlyList<MqttAccount> accounts)
    {
        foreach (MqttAccount account in accounts)
        {
            account.Validate();
        }

        if (accounts.Any(a => a.Username == MosquittoConfiguration.AdminUsername))
        {
            throw new ValueChainFormatException("MQTT account user name", MosquittoConfiguration.AdminUsername, "is reserved for the broker's own administration");
        }

        string? duplicate = accounts.GroupBy(a => a.Username, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key;
        if (duplicate is not null)
        {
            throw new ValueChainFormatException("MQTT account user name", duplicate, "is given to two accounts");
        }
    }

    // Readable by the broker's user only: the file holds password hashes.
    private void WritePrivately(string name, string content)
    {
        string target = Path.Combine(_folder, name);
        File.WriteAllText(target, content);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }

    private async Task StartProcessAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(_binary)
        {
            ArgumentList = { "-c", ConfigPath },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        _process?.Dispose();
        _process = Process.Start(start) ?? throw new ConfigurationException($"Could not start {_binary}.");
        // Mosquitto reports configuration errors on stderr before it opens its log file.
        _startupErrors.Clear();
        _process.OutputDataReceived += (_, e) => Remember(e.Data);
        _process.ErrorDataReceived += (_, e) => Remember(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilAsync(AcceptsConnections, $"accept connections on {Endpoint.Host}:{Endpoint.Port}", cancellationToken);
    }

    private void Remember(string? line)
    {
        if (line is not null && _startupErrors.Count < 50)
        {
            _startupErrors.Enqueue(line);
        }
    }

    private bool AcceptsConnections()
    {
        if (_process is not { HasExited: false })
        {
            string log = File.Exists(LogPath) ? File.ReadAllText(LogPath) : string.Join(" ", _startupErrors);
            throw new ConfigurationException($"Mosquitto ({_binary}) exited with code {_process?.ExitCode} before accepting connections on port {Endpoint.Port}. Its log: {log}");
        }

        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, Endpoint.Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private async Task WaitUntilAsync(Func<bool> condition, string what, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > _options.StartTimeout)
            {
                throw new ConfigurationException($"Mosquitto did not {what} within {_options.StartTimeout.TotalSeconds:F0} s; its log is {LogPath}.");
            }

            await Task.Delay(20, cancellationToken);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start) ?? throw new ConfigurationException($"Could not start {program}.");
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new ConfigurationException($"{program} {string.Join(' ', arguments)} failed with code {process.ExitCode}: {await process.StandardError.ReadToEndAsync()}");
        }
    }
}
